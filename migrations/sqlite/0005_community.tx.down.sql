DROP TABLE IF EXISTS peer_session_attendees;
--bun:split
DROP TABLE IF EXISTS peer_sessions;
--bun:split
DROP TABLE IF EXISTS guide_acknowledgements;
--bun:split
DROP TABLE IF EXISTS guide_editions;
--bun:split
DROP TABLE IF EXISTS resources;
