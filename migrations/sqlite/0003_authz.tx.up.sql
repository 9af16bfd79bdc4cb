-- Authorization (platform tables, no tenant_id): casbin's role permissions,
-- one row per rule (p, role, alliance id or *, object, action), and the
-- policy version that every change increments, so that each running
-- instance notices a change and reloads.
CREATE TABLE casbin_rule (
    id    TEXT NOT NULL PRIMARY KEY,
    ptype TEXT NOT NULL,
    v0    TEXT NOT NULL DEFAULT '',
    v1    TEXT NOT NULL DEFAULT '',
    v2    TEXT NOT NULL DEFAULT '',
    v3    TEXT NOT NULL DEFAULT '',
    v4    TEXT NOT NULL DEFAULT '',
    v5    TEXT NOT NULL DEFAULT '',
    UNIQUE (ptype, v0, v1, v2, v3, v4, v5)
);
--bun:split
CREATE TABLE casbin_policy_version (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
--bun:split
INSERT INTO casbin_policy_version (id, version) VALUES (1, 0);
