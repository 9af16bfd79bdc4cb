DROP TABLE IF EXISTS reminders_sent;
--bun:split
DROP TABLE IF EXISTS charter_acceptances;
--bun:split
DROP TABLE IF EXISTS charter_versions;
