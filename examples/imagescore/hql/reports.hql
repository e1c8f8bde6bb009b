-- The report table the verifier writes into (production DDL, shared by the scenarios).
CREATE DATABASE IF NOT EXISTS reports;
CREATE EXTERNAL TABLE IF NOT EXISTS reports.missing_imagescore (
  offer_id BIGINT,
  dt STRING,
  category STRING
)
ROW FORMAT DELIMITED FIELDS TERMINATED BY '\001'
LOCATION '/data/reports/missing_imagescore';
