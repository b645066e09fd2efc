-- Keycloak's database (sign-in). A volume made before this file existed gets it with:
--   docker compose exec postgres createdb -U landfall keycloak
create database keycloak;
