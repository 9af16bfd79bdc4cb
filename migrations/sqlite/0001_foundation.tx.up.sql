-- Platform tables (no tenant_id): the registry of alliances and the job
-- outbox. Tenant tables carry tenant_id in every key.
CREATE TABLE alliances (
    id             TEXT NOT NULL PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    country        TEXT NOT NULL,
    default_locale TEXT NOT NULL,
    settings       TEXT NOT NULL,
    about          TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
--bun:split
CREATE TABLE outbox (
    id          TEXT NOT NULL PRIMARY KEY,
    alliance_id TEXT REFERENCES alliances (id) ON DELETE CASCADE,
    task_type   TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    enqueued_at TIMESTAMP,
    done_at     TIMESTAMP,
    failed_at   TIMESTAMP,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT ''
);
--bun:split
CREATE INDEX outbox_pending ON outbox (created_at) WHERE done_at IS NULL;
--bun:split
CREATE TABLE mail_log (
    tenant_id  TEXT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    outbox_id  TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body_text  TEXT NOT NULL,
    transport  TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, outbox_id)
);
