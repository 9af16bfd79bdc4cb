-- The mentor pool's version: a counter per alliance that moves whenever
-- something matching weighs changes (a member, a mentorship, a charter
-- version or acceptance, a member's name or e-mail), so that the app may
-- keep an alliance's ranked candidates in memory and know, with one read,
-- whether they are still the database's. Triggers move it, whoever
-- writes, so no code path can forget to. A platform table: it holds no
-- tenant's data, and a change to a user may move several alliances'.
CREATE TABLE mentor_pool_versions (
    alliance_id uuid   NOT NULL PRIMARY KEY REFERENCES alliances (id) ON DELETE CASCADE,
    version     bigint NOT NULL
);
--bun:split
-- One move per statement and alliance, however many rows the statement
-- wrote: bulk loads stay cheap.
CREATE FUNCTION mentor_pool_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO mentor_pool_versions AS v (alliance_id, version)
    SELECT DISTINCT tenant_id, 1 FROM changed_rows
    ON CONFLICT (alliance_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;
--bun:split
CREATE TRIGGER members_insert_pool AFTER INSERT ON members
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER members_update_pool AFTER UPDATE ON members
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER members_delete_pool AFTER DELETE ON members
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER mentorships_insert_pool AFTER INSERT ON mentorships
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER mentorships_update_pool AFTER UPDATE ON mentorships
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER mentorships_delete_pool AFTER DELETE ON mentorships
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER charter_versions_insert_pool AFTER INSERT ON charter_versions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER charter_versions_update_pool AFTER UPDATE ON charter_versions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER charter_versions_delete_pool AFTER DELETE ON charter_versions
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER charter_acceptances_insert_pool AFTER INSERT ON charter_acceptances
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
CREATE TRIGGER charter_acceptances_delete_pool AFTER DELETE ON charter_acceptances
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mentor_pool_moved();
--bun:split
-- A member's name and e-mail live on the platform's users: a change moves
-- every alliance the user belongs to.
CREATE FUNCTION mentor_pool_user_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE mentor_pool_versions SET version = version + 1
    WHERE alliance_id IN (SELECT alliance_id FROM user_alliances WHERE user_id = NEW.id);
    RETURN NULL;
END
$$;
--bun:split
CREATE TRIGGER users_update_pool AFTER UPDATE OF name, email ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
    EXECUTE FUNCTION mentor_pool_user_moved();
