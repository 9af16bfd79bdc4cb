-- The mentorship journey: dates proposed and confirmed, the
-- entrepreneur's agenda, the mentor's log with its actions, the mentor's
-- private notes kept apart (so that no report, export or other reader
-- ever joins them in), the entrepreneur's rating, and how a mentorship
-- ended early.
ALTER TABLE mentorship_sessions ADD COLUMN place text NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN proposed_at timestamptz;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN proposed_by uuid;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN agenda jsonb NOT NULL DEFAULT '[]';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN held_on date;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN duration_minutes integer NOT NULL DEFAULT 0;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN obstacles jsonb NOT NULL DEFAULT '[]';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN shared_notes text NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN logged_at timestamptz;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN reason text NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN rating integer;
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN rating_comment text NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorship_sessions ADD COLUMN rated_at timestamptz;
--bun:split
ALTER TABLE mentorships ADD COLUMN end_reason text NOT NULL DEFAULT '';
--bun:split
ALTER TABLE mentorships ADD COLUMN ended_by uuid;
--bun:split
ALTER TABLE mentorships ADD COLUMN ended_at timestamptz;
--bun:split
CREATE TABLE session_private_notes (
    tenant_id     uuid        NOT NULL,
    mentorship_id uuid        NOT NULL,
    number        integer     NOT NULL,
    author_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body          text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, mentorship_id, number),
    FOREIGN KEY (tenant_id, mentorship_id, number) REFERENCES mentorship_sessions (tenant_id, mentorship_id, number) ON DELETE CASCADE
);
--bun:split
CREATE TABLE session_actions (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    mentorship_id  uuid        NOT NULL,
    session_number integer     NOT NULL,
    text           text        NOT NULL,
    owner          text        NOT NULL,
    due_on         date,
    done_at        timestamptz,
    done_by        uuid,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, mentorship_id, session_number) REFERENCES mentorship_sessions (tenant_id, mentorship_id, number) ON DELETE CASCADE
);
--bun:split
CREATE INDEX session_actions_by_mentorship ON session_actions (tenant_id, mentorship_id, session_number);
--bun:split
ALTER TABLE session_private_notes ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE session_private_notes FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON session_private_notes
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE session_actions ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE session_actions FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON session_actions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE mentorships ADD COLUMN completed_at timestamptz;
--bun:split
CREATE TABLE end_surveys (
    tenant_id       uuid        NOT NULL,
    mentorship_id   uuid        NOT NULL,
    respondent_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    side            text        NOT NULL,
    would_recommend boolean     NOT NULL,
    what_changed    text        NOT NULL,
    revenue_band    text        NOT NULL,
    employees       integer,
    submitted_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, mentorship_id, respondent_id),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorships (tenant_id, id) ON DELETE CASCADE
);
--bun:split
ALTER TABLE end_surveys ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE end_surveys FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON end_surveys
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
