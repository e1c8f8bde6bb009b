-- the team's own DDL: ORC, so rows go in with INSERT
CREATE TABLE it.people_ddl (name STRING, age INT) STORED AS ORC;
