-- Accounts (platform tables): users, their session and API tokens,
-- password resets and account events. Memberships, invitations and the
-- audit log are tenant tables; the audit log accepts no change.
CREATE TABLE users (
    id            TEXT NOT NULL PRIMARY KEY,
    email         TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    locale        TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
--bun:split
CREATE TABLE auth_tokens (
    id           TEXT NOT NULL PRIMARY KEY,
    user_id      TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    label        TEXT        NOT NULL,
    ip           TEXT        NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP
);
--bun:split
CREATE INDEX auth_tokens_user ON auth_tokens (user_id, created_at);
--bun:split
CREATE TABLE password_resets (
    id         TEXT NOT NULL PRIMARY KEY,
    user_id    TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
--bun:split
CREATE TABLE account_events (
    id         TEXT NOT NULL PRIMARY KEY,
    user_id    TEXT        REFERENCES users (id) ON DELETE CASCADE,
    action     TEXT        NOT NULL,
    target     TEXT        NOT NULL,
    ip         TEXT        NOT NULL,
    created_at TIMESTAMP NOT NULL
);
--bun:split
CREATE INDEX account_events_user ON account_events (user_id, created_at);
--bun:split
CREATE TABLE members (
    tenant_id  TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    user_id    TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles      TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    capacity   INTEGER     NOT NULL,
    joined_at  TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
--bun:split
CREATE INDEX members_user ON members (user_id);
--bun:split
-- Which alliances a user belongs to: a platform index of the members
-- table, written in the same transactions, so that a user's own list of
-- alliances is read without crossing tenants.
CREATE TABLE user_alliances (
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alliance_id TEXT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, alliance_id)
);
--bun:split
CREATE TABLE invitations (
    tenant_id   TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id          TEXT        NOT NULL,
    email       TEXT        NOT NULL,
    roles       TEXT        NOT NULL,
    token_hash  TEXT        NOT NULL,
    invited_by  TEXT        NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    accepted_by TEXT        REFERENCES users (id),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, token_hash)
);
--bun:split
CREATE TABLE audit_log (
    tenant_id  TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id         TEXT        NOT NULL,
    actor_id   TEXT        REFERENCES users (id) ON DELETE SET NULL,
    actor_name TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    target     TEXT        NOT NULL,
    details    TEXT       NOT NULL,
    ip         TEXT        NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
--bun:split
CREATE INDEX audit_log_time ON audit_log (tenant_id, created_at);
--bun:split
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--bun:split
CREATE TRIGGER account_events_no_update BEFORE UPDATE ON account_events
BEGIN
    SELECT RAISE(ABORT, 'the account events are append-only');
END;
