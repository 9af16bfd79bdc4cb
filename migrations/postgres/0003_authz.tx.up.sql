-- Authorization (platform tables, no tenant_id): casbin's role permissions,
-- one row per rule (p, role, alliance id or *, object, action), and the
-- policy version that every change increments, so that each running
-- instance notices a change and reloads.
CREATE TABLE casbin_rule (
    id    uuid PRIMARY KEY,
    ptype text NOT NULL,
    v0    text NOT NULL DEFAULT '',
    v1    text NOT NULL DEFAULT '',
    v2    text NOT NULL DEFAULT '',
    v3    text NOT NULL DEFAULT '',
    v4    text NOT NULL DEFAULT '',
    v5    text NOT NULL DEFAULT '',
    UNIQUE (ptype, v0, v1, v2, v3, v4, v5)
);
--bun:split
CREATE TABLE casbin_policy_version (
    id      integer PRIMARY KEY CHECK (id = 1),
    version bigint  NOT NULL
);
--bun:split
INSERT INTO casbin_policy_version (id, version) VALUES (1, 0);
