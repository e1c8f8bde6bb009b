-- the table the job's output is read through
CREATE DATABASE IF NOT EXISTS report;
CREATE EXTERNAL TABLE report.results (id INT, ratio DOUBLE)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
LOCATION '/it/out/table';
