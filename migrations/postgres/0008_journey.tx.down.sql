DROP TABLE IF EXISTS end_surveys;
--bun:split
ALTER TABLE mentorships DROP COLUMN completed_at;
--bun:split
DROP TABLE IF EXISTS session_actions;
--bun:split
DROP TABLE IF EXISTS session_private_notes;
--bun:split
ALTER TABLE mentorships DROP COLUMN ended_at;
--bun:split
ALTER TABLE mentorships DROP COLUMN ended_by;
--bun:split
ALTER TABLE mentorships DROP COLUMN end_reason;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN rated_at;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN rating_comment;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN rating;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN reason;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN logged_at;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN shared_notes;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN obstacles;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN duration_minutes;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN held_on;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN agenda;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN proposed_by;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN proposed_at;
--bun:split
ALTER TABLE mentorship_sessions DROP COLUMN place;
