DROP TRIGGER IF EXISTS users_update_pool;
--bun:split
DROP TRIGGER IF EXISTS charter_acceptances_delete_pool;
--bun:split
DROP TRIGGER IF EXISTS charter_acceptances_insert_pool;
--bun:split
DROP TRIGGER IF EXISTS charter_versions_delete_pool;
--bun:split
DROP TRIGGER IF EXISTS charter_versions_update_pool;
--bun:split
DROP TRIGGER IF EXISTS charter_versions_insert_pool;
--bun:split
DROP TRIGGER IF EXISTS mentorships_delete_pool;
--bun:split
DROP TRIGGER IF EXISTS mentorships_update_pool;
--bun:split
DROP TRIGGER IF EXISTS mentorships_insert_pool;
--bun:split
DROP TRIGGER IF EXISTS members_delete_pool;
--bun:split
DROP TRIGGER IF EXISTS members_update_pool;
--bun:split
DROP TRIGGER IF EXISTS members_insert_pool;
--bun:split
DROP TABLE IF EXISTS mentor_pool_versions;
