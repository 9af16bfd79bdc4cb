-- Mentorat: checks of the database roles and row-level security.
--
-- Run after the migrations, connected to the mentorat database as any role
-- (the owner will do):
--   psql -U mentorat_owner -d mentorat -f infra/postgres/check.sql
-- Query 1 must show f, f; every other query must return no rows.

-- 1. The app role is no superuser and does not bypass row-level security.
--    Expected: rolsuper = f, rolbypassrls = f.
SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin
FROM pg_roles
WHERE rolname = 'mentorat_app';

-- 2. Tables, views, sequences and other relations owned by the app role.
--    Expected: no rows (an owner escapes non-forced RLS and can alter policies).
SELECT n.nspname AS schema, c.relname AS relation, c.relkind AS kind
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relowner = 'mentorat_app'::regrole
ORDER BY 1, 2;

-- 3. Roles the app role is a member of. Expected: no rows (membership in
--    mentorat_owner, for one, would let it SET ROLE to the owner).
SELECT m.roleid::regrole AS member_of
FROM pg_auth_members m
WHERE m.member = 'mentorat_app'::regrole;

-- 4. Tables with a tenant_id column whose row-level security is not both
--    enabled and forced. Expected: no rows.
SELECT n.nspname AS schema, c.relname AS table_name,
       c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid
                   AND a.attname = 'tenant_id'
                   AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
ORDER BY 1, 2;

-- 5. Tables with a tenant_id column and no policy at all (with RLS on, such a
--    table shows the app no rows). Expected: no rows.
SELECT n.nspname AS schema, c.relname AS table_name
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid
                   AND a.attname = 'tenant_id'
                   AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
ORDER BY 1, 2;
