-- The mentee pipeline: cohorts, applications with their history and
-- screeners' notes, mentor profiles for matching, mentorships with their
-- planned sessions, and the alliance's own wording of decision mails.
ALTER TABLE members ADD COLUMN city TEXT NOT NULL DEFAULT '';
--bun:split
ALTER TABLE members ADD COLUMN sectors TEXT NOT NULL DEFAULT '[]';
--bun:split
ALTER TABLE members ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
--bun:split
CREATE TABLE cohorts (
    tenant_id         TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id                TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    city              TEXT        NOT NULL,
    starts_on         DATE        NOT NULL,
    ends_on           DATE        NOT NULL,
    capacity          INTEGER     NOT NULL,
    applications_open BOOLEAN     NOT NULL,
    closes_on         DATE,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
--bun:split
CREATE TABLE applications (
    tenant_id         TEXT        NOT NULL,
    id                TEXT        NOT NULL,
    cohort_id         TEXT        NOT NULL,
    user_id           TEXT        REFERENCES users (id) ON DELETE SET NULL,
    status            TEXT        NOT NULL,
    locale            TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    email             TEXT        NOT NULL,
    phone             TEXT        NOT NULL,
    gender            TEXT        NOT NULL,
    birth_year        INTEGER     NOT NULL,
    city              TEXT        NOT NULL,
    business_name     TEXT        NOT NULL,
    sector            TEXT        NOT NULL,
    stage             TEXT        NOT NULL,
    employees         INTEGER     NOT NULL,
    founded_year      INTEGER     NOT NULL,
    revenue_band      TEXT        NOT NULL,
    obstacles         TEXT        NOT NULL,
    goals             TEXT        NOT NULL,
    motivation        TEXT        NOT NULL,
    search_text       TEXT        NOT NULL,
    follow_token_hash TEXT        NOT NULL,
    score_sum         INTEGER     NOT NULL,
    score_count       INTEGER     NOT NULL,
    submitted_at      TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
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
    tenant_id      TEXT        NOT NULL,
    id             TEXT        NOT NULL,
    application_id TEXT        NOT NULL,
    from_status    TEXT        NOT NULL,
    to_status      TEXT        NOT NULL,
    actor_id       TEXT        REFERENCES users (id) ON DELETE SET NULL,
    actor_name     TEXT        NOT NULL,
    note           TEXT        NOT NULL,
    at             TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE INDEX application_events_by_application ON application_events (tenant_id, application_id, at);
--bun:split
CREATE TABLE application_notes (
    tenant_id      TEXT        NOT NULL,
    id             TEXT        NOT NULL,
    application_id TEXT        NOT NULL,
    author_id      TEXT        REFERENCES users (id) ON DELETE SET NULL,
    author_name    TEXT        NOT NULL,
    body           TEXT        NOT NULL,
    score          integer,
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE INDEX application_notes_by_application ON application_notes (tenant_id, application_id, created_at);
--bun:split
CREATE TABLE mentorships (
    tenant_id       TEXT        NOT NULL,
    id              TEXT        NOT NULL,
    application_id  TEXT        NOT NULL,
    cohort_id       TEXT        NOT NULL,
    mentor_id       TEXT        NOT NULL,
    entrepreneur_id TEXT        REFERENCES users (id) ON DELETE SET NULL,
    status          TEXT        NOT NULL,
    starts_on       DATE        NOT NULL,
    ends_on         DATE        NOT NULL,
    override_reason TEXT        NOT NULL,
    created_by      TEXT        REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
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
    tenant_id     TEXT        NOT NULL,
    mentorship_id TEXT        NOT NULL,
    number        INTEGER     NOT NULL,
    planned_on    DATE        NOT NULL,
    status        TEXT        NOT NULL,
    scheduled_at  TIMESTAMP,
    PRIMARY KEY (tenant_id, mentorship_id, number),
    FOREIGN KEY (tenant_id, mentorship_id) REFERENCES mentorships (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE TABLE alliance_messages (
    tenant_id  TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    key        TEXT        NOT NULL,
    locale     TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    updated_by TEXT        REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, key, locale)
);
