DROP TABLE IF EXISTS mail_log;
--bun:split
DROP TABLE IF EXISTS outbox;
--bun:split
DROP TABLE IF EXISTS alliances;
