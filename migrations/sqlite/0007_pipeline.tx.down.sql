DROP TABLE IF EXISTS alliance_messages;
--bun:split
DROP TABLE IF EXISTS mentorship_sessions;
--bun:split
DROP TABLE IF EXISTS mentorships;
--bun:split
DROP TABLE IF EXISTS application_notes;
--bun:split
DROP TABLE IF EXISTS application_events;
--bun:split
DROP TABLE IF EXISTS applications;
--bun:split
DROP TABLE IF EXISTS cohorts;
--bun:split
ALTER TABLE members DROP COLUMN languages;
--bun:split
ALTER TABLE members DROP COLUMN sectors;
--bun:split
ALTER TABLE members DROP COLUMN city;
