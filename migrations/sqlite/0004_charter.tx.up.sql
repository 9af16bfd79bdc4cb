-- The charter: versions (drafts, one published, the superseded kept) and
-- the members' acceptances, kept forever. And a record of the reminders
-- sent, so that each is sent at most once.
CREATE TABLE charter_versions (
    tenant_id    TEXT      NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    version      INTEGER   NOT NULL,
    status       TEXT      NOT NULL,
    bodies       TEXT      NOT NULL,
    created_by   TEXT      REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    PRIMARY KEY (tenant_id, version)
);
--bun:split
CREATE UNIQUE INDEX charter_one_published ON charter_versions (tenant_id) WHERE status = 'published';
--bun:split
CREATE TABLE charter_acceptances (
    tenant_id   TEXT      NOT NULL,
    version     INTEGER   NOT NULL,
    user_id     TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    accepted_at TIMESTAMP NOT NULL,
    ip          TEXT      NOT NULL,
    PRIMARY KEY (tenant_id, version, user_id),
    FOREIGN KEY (tenant_id, version) REFERENCES charter_versions (tenant_id, version) ON DELETE CASCADE
);
--bun:split
CREATE TABLE reminders_sent (
    tenant_id TEXT      NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    kind      TEXT      NOT NULL,
    key       TEXT      NOT NULL,
    sent_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, kind, key)
);
--bun:split
CREATE TRIGGER charter_acceptances_no_update BEFORE UPDATE ON charter_acceptances
BEGIN
    SELECT RAISE(ABORT, 'charter acceptances are kept as they are');
END;
