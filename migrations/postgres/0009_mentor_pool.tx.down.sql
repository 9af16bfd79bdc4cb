DROP TRIGGER IF EXISTS users_update_pool ON users;
--bun:split
DROP FUNCTION IF EXISTS mentor_pool_user_moved();
--bun:split
DROP TRIGGER IF EXISTS charter_acceptances_delete_pool ON charter_acceptances;
--bun:split
DROP TRIGGER IF EXISTS charter_acceptances_insert_pool ON charter_acceptances;
--bun:split
DROP TRIGGER IF EXISTS charter_versions_delete_pool ON charter_versions;
--bun:split
DROP TRIGGER IF EXISTS charter_versions_update_pool ON charter_versions;
--bun:split
DROP TRIGGER IF EXISTS charter_versions_insert_pool ON charter_versions;
--bun:split
DROP TRIGGER IF EXISTS mentorships_delete_pool ON mentorships;
--bun:split
DROP TRIGGER IF EXISTS mentorships_update_pool ON mentorships;
--bun:split
DROP TRIGGER IF EXISTS mentorships_insert_pool ON mentorships;
--bun:split
DROP TRIGGER IF EXISTS members_delete_pool ON members;
--bun:split
DROP TRIGGER IF EXISTS members_update_pool ON members;
--bun:split
DROP TRIGGER IF EXISTS members_insert_pool ON members;
--bun:split
DROP FUNCTION IF EXISTS mentor_pool_moved();
--bun:split
DROP TABLE IF EXISTS mentor_pool_versions;
