-- The charter: versions (drafts, one published, the superseded kept) and
-- the members' acceptances, kept forever. And a record of the reminders
-- sent, so that each is sent at most once.
CREATE TABLE charter_versions (
    tenant_id    uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    version      integer     NOT NULL,
    status       text        NOT NULL,
    bodies       jsonb       NOT NULL,
    created_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    published_at timestamptz,
    PRIMARY KEY (tenant_id, version)
);
--bun:split
CREATE UNIQUE INDEX charter_one_published ON charter_versions (tenant_id) WHERE status = 'published';
--bun:split
CREATE TABLE charter_acceptances (
    tenant_id   uuid        NOT NULL,
    version     integer     NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    accepted_at timestamptz NOT NULL,
    ip          text        NOT NULL,
    PRIMARY KEY (tenant_id, version, user_id),
    FOREIGN KEY (tenant_id, version) REFERENCES charter_versions (tenant_id, version) ON DELETE CASCADE
);
--bun:split
CREATE TABLE reminders_sent (
    tenant_id uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    kind      text        NOT NULL,
    key       text        NOT NULL,
    sent_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind, key)
);
--bun:split
ALTER TABLE charter_versions ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE charter_versions FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON charter_versions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE charter_acceptances ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE charter_acceptances FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON charter_acceptances
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE reminders_sent ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE reminders_sent FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON reminders_sent
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
