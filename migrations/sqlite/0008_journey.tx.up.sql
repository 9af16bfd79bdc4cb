-- The mentorship journey: dates proposed and confirmed, the
-- entrepreneur's agenda, the mentor's log with its actions, the mentor's
-- private notes kept apart (so that no report, export or other reader
-- ever joins them in), the entrepreneur's rating, and how a mentorship
-- ended early.
ALTER TABLE mentorship_sessions ADD COLUMN place TEXT NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN proposed_at TIMESTAMP;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN proposed_by TEXT;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN agenda TEXT NOT NULL DEFAULT '[]';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN held_on DATE;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN duration_minutes INTEGER NOT NULL DEFAULT 0;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN obstacles TEXT NOT NULL DEFAULT '[]';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN shared_notes TEXT NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN logged_at TIMESTAMP;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN reason TEXT NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN rating INTEGER;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN rating_comment TEXT NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN rated_at TIMESTAMP;
--bun:split
ALTER TABLE mentorships ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorships ADD COLUMN ended_by TEXT;
--bun:split
ALTER TABLE mentorships ADD COLUMN ended_at TIMESTAMP;
--bun:split
CREATE TABLE session_private_notes (
    tenant_id     TEXT        NOT NULL,
    mentorship_id TEXT        NOT NULL,
    number        INTEGER     NOT NULL,
    author_id     TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body          TEXT        NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, mentorship_id, number),
    FOREIGN KEY (tenant_id, mentorship_id, number) REFERENCES mentorship_sessions (tenant_id, mentorship_id, number) ON DELETE CASCADE
);
--bun:split
CREATE TABLE session_actions (
    tenant_id      TEXT        NOT NULL,
    id             TEXT        NOT NULL,
    mentorship_id  TEXT        NOT NULL,
    session_number INTEGER     NOT NULL,
    text           TEXT        NOT NULL,
    owner          TEXT        NOT NULL,
    due_on         DATE,
    done_at        TIMESTAMP,
    done_by        TEXT,
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, mentorship_id, session_number) REFERENCES mentorship_sessions (tenant_id, mentorship_id, number) ON DELETE CASCADE
);
--bun:split
CREATE INDEX session_actions_by_mentorship ON session_actions (tenant_id, mentorship_id, session_number);
--bun:split
ALTER TABLE mentorships ADD COLUMN completed_at TIMESTAMP;
--bun:split
CREATE TABLE end_surveys (
    tenant_id       TEXT        NOT NULL,
    mentorship_id   TEXT        NOT NULL,
    respondent_id   TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    side            TEXT        NOT NULL,
    would_recommend BOOLEAN     NOT NULL,
    what_changed    TEXT        NOT NULL,
    revenue_band    TEXT        NOT NULL,
    employees       INTEGER,
    submitted_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (tenant_id, mentorship_id, respondent_id),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorships (tenant_id, id) ON DELETE CASCADE
);
