-- The mentee pipeline: cohorts, applications with their history and
-- screeners' notes, mentor profiles for matching, mentorships with their
-- planned sessions, and the alliance's own wording of decision mails.
ALTER TABLE members ADD COLUMN city text NOT NULL DEFAULT '';
--bun:split
ALTER TABLE members ADD COLUMN sectors jsonb NOT NULL DEFAULT '[]';
--bun:split
ALTER TABLE members ADD COLUMN languages jsonb NOT NULL DEFAULT '[]';
--bun:split
CREATE TABLE cohorts (
    tenant_id         uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id                uuid        NOT NULL,
    name              text        NOT NULL,
    city              text        NOT NULL,
    starts_on         date        NOT NULL,
    ends_on           date        NOT NULL,
    capacity          integer     NOT NULL,
    applications_open boolean     NOT NULL,
    closes_on         date,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
--bun:split
CREATE TABLE applications (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    cohort_id         uuid        NOT NULL,
    user_id           uuid        REFERENCES users (id) ON DELETE SET NULL,
    status            text        NOT NULL,
    locale            text        NOT NULL,
    name              text        NOT NULL,
    email             text        NOT NULL,
    phone             text        NOT NULL,
    gender            text        NOT NULL,
    birth_year        integer     NOT NULL,
    city              text        NOT NULL,
    business_name     text        NOT NULL,
    sector            text        NOT NULL,
    stage             text        NOT NULL,
    employees         integer     NOT NULL,
    founded_year      integer     NOT NULL,
    revenue_band      text        NOT NULL,
    obstacles         text        NOT NULL,
    goals             text        NOT NULL,
    motivation        text        NOT NULL,
    search_text       text        NOT NULL,
    follow_token_hash text        NOT NULL,
    score_sum         integer     NOT NULL,
    score_count       integer     NOT NULL,
    submitted_at      timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cohort_id) REFERENCES cohorts (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE UNIQUE INDEX applications_one_per_email ON applications (tenant_id, cohort_id, email) WHERE email <> '';
--bun:split
CREATE UNIQUE INDEX applications_one_per_phone ON applications (tenant_id, cohort_id, phone) WHERE phone <> '';
--bun:split
CREATE UNIQUE INDEX applications_by_follow_token ON applications (tenant_id, follow_token_hash);
--bun:split
CREATE INDEX applications_by_cohort ON applications (tenant_id, cohort_id, status);
--bun:split
CREATE INDEX applications_by_status ON applications (tenant_id, status, submitted_at);
--bun:split
CREATE INDEX applications_by_user ON applications (tenant_id, user_id);
--bun:split
CREATE TABLE application_events (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    application_id uuid        NOT NULL,
    from_status    text        NOT NULL,
    to_status      text        NOT NULL,
    actor_id       uuid        REFERENCES users (id) ON DELETE SET NULL,
    actor_name     text        NOT NULL,
    note           text        NOT NULL,
    at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE INDEX application_events_by_application ON application_events (tenant_id, application_id, at);
--bun:split
CREATE TABLE application_notes (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    application_id uuid        NOT NULL,
    author_id      uuid        REFERENCES users (id) ON DELETE SET NULL,
    author_name    text        NOT NULL,
    body           text        NOT NULL,
    score          integer,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE INDEX application_notes_by_application ON application_notes (tenant_id, application_id, created_at);
--bun:split
CREATE TABLE mentorships (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    application_id  uuid        NOT NULL,
    cohort_id       uuid        NOT NULL,
    mentor_id       uuid        NOT NULL,
    entrepreneur_id uuid        REFERENCES users (id) ON DELETE SET NULL,
    status          text        NOT NULL,
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    override_reason text        NOT NULL,
    created_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, cohort_id) REFERENCES cohorts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, mentor_id) REFERENCES members (tenant_id, user_id) ON DELETE CASCADE
);
--bun:split
CREATE UNIQUE INDEX mentorships_one_active_per_application ON mentorships (tenant_id, application_id) WHERE status = 'active';
--bun:split
CREATE INDEX mentorships_by_mentor ON mentorships (tenant_id, mentor_id, status);
--bun:split
CREATE INDEX mentorships_by_cohort ON mentorships (tenant_id, cohort_id, status);
--bun:split
CREATE INDEX mentorships_by_entrepreneur ON mentorships (tenant_id, entrepreneur_id);
--bun:split
CREATE TABLE mentorship_sessions (
    tenant_id     uuid        NOT NULL,
    mentorship_id uuid        NOT NULL,
    number        integer     NOT NULL,
    planned_on    date        NOT NULL,
    status        text        NOT NULL,
    scheduled_at  timestamptz,
    PRIMARY KEY (tenant_id, mentorship_id, number),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorships (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE TABLE alliance_messages (
    tenant_id  uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    key        text        NOT NULL,
    locale     text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    updated_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key, locale)
);
--bun:split
ALTER TABLE cohorts ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE cohorts FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON cohorts
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE applications FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON applications
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE application_events ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE application_events FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON application_events
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE application_notes ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE application_notes FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON application_notes
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE mentorships ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE mentorships FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON mentorships
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE mentorship_sessions ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE mentorship_sessions FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON mentorship_sessions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE alliance_messages ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE alliance_messages FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON alliance_messages
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
