-- The mentor community: the library (Mentor Guide chapters, dos and
-- don'ts, exercises, cases, role models), the guide's editions and their
-- acknowledgements, kept forever, and the peer sessions with their
-- invitees, answers and attendance.
CREATE TABLE resources (
    tenant_id         TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id                TEXT        NOT NULL,
    slug              TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    locale            TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    tags              TEXT        NOT NULL,
    for_entrepreneurs BOOLEAN     NOT NULL,
    search_text       TEXT        NOT NULL,
    created_by        TEXT        REFERENCES users (id) ON DELETE SET NULL,
    created_at        TIMESTAMP   NOT NULL,
    updated_at        TIMESTAMP   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug, locale)
);
--bun:split
CREATE INDEX resources_by_kind ON resources (tenant_id, kind, locale);
--bun:split
CREATE TABLE guide_editions (
    tenant_id    TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    edition      INTEGER     NOT NULL,
    note         TEXT        NOT NULL,
    published_by TEXT        REFERENCES users (id) ON DELETE SET NULL,
    published_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (tenant_id, edition)
);
--bun:split
CREATE TABLE guide_acknowledgements (
    tenant_id       TEXT        NOT NULL,
    edition         INTEGER     NOT NULL,
    user_id         TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    acknowledged_at TIMESTAMP   NOT NULL,
    ip              TEXT        NOT NULL,
    PRIMARY KEY (tenant_id, edition, user_id),
    FOREIGN KEY (tenant_id, edition) REFERENCES guide_editions (tenant_id, edition) ON DELETE CASCADE
);
--bun:split
CREATE TABLE peer_sessions (
    tenant_id        TEXT        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id               TEXT        NOT NULL,
    starts_at        TIMESTAMP   NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    place            TEXT        NOT NULL,
    link             TEXT        NOT NULL,
    topic            TEXT        NOT NULL,
    notes            TEXT        NOT NULL,
    case_resource_id TEXT,
    status           TEXT        NOT NULL,
    created_by       TEXT        REFERENCES users (id) ON DELETE SET NULL,
    created_at       TIMESTAMP   NOT NULL,
    updated_at       TIMESTAMP   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, case_resource_id) REFERENCES resources (tenant_id, id)
);
--bun:split
CREATE INDEX peer_sessions_by_date ON peer_sessions (tenant_id, starts_at);
--bun:split
CREATE TABLE peer_session_attendees (
    tenant_id    TEXT        NOT NULL,
    session_id   TEXT        NOT NULL,
    user_id      TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    response     TEXT        NOT NULL,
    responded_at TIMESTAMP,
    attended     BOOLEAN,
    PRIMARY KEY (tenant_id, session_id, user_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES peer_sessions (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE INDEX peer_session_attendees_by_user ON peer_session_attendees (tenant_id, user_id);
--bun:split
CREATE TRIGGER guide_acknowledgements_no_update BEFORE UPDATE ON guide_acknowledgements
BEGIN
    SELECT RAISE(ABORT, 'guide acknowledgements are kept as they are');
END;
