-- Platform tables (no tenant_id): the registry of alliances and the job
-- outbox. Tenant tables carry tenant_id in every key and are guarded by
-- row-level security.
CREATE TABLE alliances (
    id             uuid        PRIMARY KEY,
    slug           text        NOT NULL UNIQUE,
    name           text        NOT NULL,
    country        text        NOT NULL,
    default_locale text        NOT NULL,
    settings       jsonb       NOT NULL,
    about          jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
--bun:split
CREATE TABLE outbox (
    id          uuid        PRIMARY KEY,
    alliance_id uuid        REFERENCES alliances (id) ON DELETE CASCADE,
    task_type   text        NOT NULL,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    enqueued_at timestamptz,
    done_at     timestamptz,
    failed_at   timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text        NOT NULL DEFAULT ''
);
--bun:split
CREATE INDEX outbox_pending ON outbox (created_at) WHERE done_at IS NULL;
--bun:split
CREATE TABLE mail_log (
    tenant_id  uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    outbox_id  uuid        NOT NULL,
    to_address text        NOT NULL,
    subject    text        NOT NULL,
    body_text  text        NOT NULL,
    transport  text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, outbox_id)
);
--bun:split
ALTER TABLE mail_log ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE mail_log FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON mail_log
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
