-- The mentor pool's version: a counter per alliance that moves whenever
-- something matching weighs changes (a member, a mentorship, a charter
-- version or acceptance, a member's name or e-mail), so that the app may
-- keep an alliance's ranked candidates in memory and know, with one read,
-- whether they are still the database's. Triggers move it, whoever
-- writes, so no code path can forget to.
CREATE TABLE mentor_pool_versions (
    alliance_id TEXT    NOT NULL PRIMARY KEY REFERENCES alliances (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL
);
--bun:split
CREATE TRIGGER members_insert_pool AFTER INSERT ON members
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER members_update_pool AFTER UPDATE ON members
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER members_delete_pool AFTER DELETE ON members
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (OLD.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER mentorships_insert_pool AFTER INSERT ON mentorships
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER mentorships_update_pool AFTER UPDATE ON mentorships
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER mentorships_delete_pool AFTER DELETE ON mentorships
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (OLD.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER charter_versions_insert_pool AFTER INSERT ON charter_versions
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER charter_versions_update_pool AFTER UPDATE ON charter_versions
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER charter_versions_delete_pool AFTER DELETE ON charter_versions
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (OLD.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER charter_acceptances_insert_pool AFTER INSERT ON charter_acceptances
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
CREATE TRIGGER charter_acceptances_delete_pool AFTER DELETE ON charter_acceptances
BEGIN
    INSERT INTO mentor_pool_versions (alliance_id, version) VALUES (OLD.tenant_id, 1)
    ON CONFLICT (alliance_id) DO UPDATE SET version = version + 1;
END;
--bun:split
-- A member's name and e-mail live on the platform's users: a change moves
-- every alliance the user belongs to.
CREATE TRIGGER users_update_pool AFTER UPDATE OF name, email ON users
WHEN OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email
BEGIN
    UPDATE mentor_pool_versions SET version = version + 1
    WHERE alliance_id IN (SELECT alliance_id FROM user_alliances WHERE user_id = NEW.id);
END;
