-- One database per service (the services create their tables with Flyway on start).
create database landfall_intake;
create database landfall_status;
create database landfall_reporting;
