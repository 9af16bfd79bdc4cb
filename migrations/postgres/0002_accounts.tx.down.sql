DROP TABLE IF EXISTS audit_log;
--bun:split
DROP TABLE IF EXISTS invitations;
--bun:split
DROP TABLE IF EXISTS user_alliances;
--bun:split
DROP TABLE IF EXISTS members;
--bun:split
DROP TABLE IF EXISTS account_events;
--bun:split
DROP TABLE IF EXISTS password_resets;
--bun:split
DROP TABLE IF EXISTS auth_tokens;
--bun:split
DROP TABLE IF EXISTS users;
