-- Accounts (platform tables): users, their session and API tokens,
-- password resets and account events. Memberships, invitations and the
-- audit log are tenant tables.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    locale        text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
--bun:split
CREATE TABLE auth_tokens (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    label        text        NOT NULL,
    ip           text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
--bun:split
CREATE INDEX auth_tokens_user ON auth_tokens (user_id, created_at);
--bun:split
CREATE TABLE password_resets (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
--bun:split
CREATE TABLE account_events (
    id         uuid        PRIMARY KEY,
    user_id    uuid        REFERENCES users (id) ON DELETE CASCADE,
    action     text        NOT NULL,
    target     text        NOT NULL,
    ip         text        NOT NULL,
    created_at timestamptz NOT NULL
);
--bun:split
CREATE INDEX account_events_user ON account_events (user_id, created_at);
--bun:split
CREATE TABLE members (
    tenant_id  uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles      text        NOT NULL,
    status     text        NOT NULL,
    capacity   integer     NOT NULL,
    joined_at  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
--bun:split
CREATE INDEX members_user ON members (user_id);
--bun:split
-- Which alliances a user belongs to: a platform index of the members
-- table, written in the same transactions, so that a user's own list of
-- alliances is read without crossing tenants.
CREATE TABLE user_alliances (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, alliance_id)
);
--bun:split
CREATE TABLE invitations (
    tenant_id   uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id          uuid        NOT NULL,
    email       text        NOT NULL,
    roles       text        NOT NULL,
    token_hash  text        NOT NULL,
    invited_by  uuid        NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid        REFERENCES users (id),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, token_hash)
);
--bun:split
CREATE TABLE audit_log (
    tenant_id  uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    actor_id   uuid        REFERENCES users (id) ON DELETE SET NULL,
    actor_name text        NOT NULL,
    action     text        NOT NULL,
    target     text        NOT NULL,
    details    jsonb       NOT NULL,
    ip         text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
--bun:split
CREATE INDEX audit_log_time ON audit_log (tenant_id, created_at);
--bun:split
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE members FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON members
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON invitations
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON audit_log
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
