-- Mentorat: the database and its two roles, for PostgreSQL 15 or later.
--
-- Run once, as a superuser, with psql (the \connect below is a psql command):
--   psql -v ON_ERROR_STOP=1 -U postgres -f infra/postgres/init.sql
-- Replace both CHANGE_ME passwords first. infra/compose.yaml mounts this file
-- as it is, placeholders included: that is for a local machine only.
-- Then run the migrations as mentorat_owner (mentorat migrate up), and
-- verify with infra/postgres/check.sql.

-- The owner: owns the schema and every table, and runs the migrations.
-- Not a superuser, so its credential reaches this database and nothing else.
-- It needs no CREATEROLE: the app role is created here, not by the migrations.
CREATE ROLE mentorat_owner
    LOGIN PASSWORD 'CHANGE_ME_owner_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE;

-- The app: what `serve` and `worker` connect as. A superuser or a role with
-- BYPASSRLS skips row-level security, so this one is neither; it creates no
-- databases and no roles. `serve` refuses to start if this does not hold.
CREATE ROLE mentorat_app
    LOGIN PASSWORD 'CHANGE_ME_app_password'
    NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;

-- The database belongs to the owner, in UTF-8 (names and texts in French).
CREATE DATABASE mentorat OWNER mentorat_owner ENCODING 'UTF8' TEMPLATE template0;

-- By default every role may connect and create temporary tables. Take that
-- from PUBLIC and let in only the app (the owner keeps its rights as owner).
REVOKE ALL ON DATABASE mentorat FROM PUBLIC;
GRANT CONNECT ON DATABASE mentorat TO mentorat_app;

\connect mentorat

-- Schema public belongs to the owner, the same on every version
-- (PostgreSQL 15+ gives it to pg_database_owner, older ones to the superuser).
ALTER SCHEMA public OWNER TO mentorat_owner;

-- Nobody else creates objects in public: a table the app role created would
-- be a table it owns, and an owner is not held by row-level security unless
-- it is forced, and can change the policies.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The app may see the schema's objects, without owning any.
GRANT USAGE ON SCHEMA public TO mentorat_app;

-- Every table the owner creates from now on (that is, every migration) can be
-- read and written by the app. A migration later narrows the audit table to
-- SELECT and INSERT.
ALTER DEFAULT PRIVILEGES FOR ROLE mentorat_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mentorat_app;

-- The same for sequences, which serial and identity columns draw from.
ALTER DEFAULT PRIVILEGES FOR ROLE mentorat_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO mentorat_app;
