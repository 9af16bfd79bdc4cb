-- The mentor community: the library (Mentor Guide chapters, dos and
-- don'ts, exercises, cases, role models), the guide's editions and their
-- acknowledgements, kept forever, and the peer sessions with their
-- invitees, answers and attendance.
CREATE TABLE resources (
    tenant_id         uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id                uuid        NOT NULL,
    slug              text        NOT NULL,
    kind              text        NOT NULL,
    locale            text        NOT NULL,
    title             text        NOT NULL,
    body              text        NOT NULL,
    tags              jsonb       NOT NULL,
    for_entrepreneurs boolean     NOT NULL,
    search_text       text        NOT NULL,
    created_by        uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug, locale)
);
--bun:split
CREATE INDEX resources_by_kind ON resources (tenant_id, kind, locale);
--bun:split
CREATE TABLE guide_editions (
    tenant_id    uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    edition      integer     NOT NULL,
    note         text        NOT NULL,
    published_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, edition)
);
--bun:split
CREATE TABLE guide_acknowledgements (
    tenant_id       uuid        NOT NULL,
    edition         integer     NOT NULL,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    acknowledged_at timestamptz NOT NULL,
    ip              text        NOT NULL,
    PRIMARY KEY (tenant_id, edition, user_id),
    FOREIGN KEY (tenant_id, edition) REFERENCES guide_editions (tenant_id, edition) ON DELETE CASCADE
);
--bun:split
CREATE TABLE peer_sessions (
    tenant_id        uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    id               uuid        NOT NULL,
    starts_at        timestamptz NOT NULL,
    duration_minutes integer     NOT NULL,
    place            text        NOT NULL,
    link             text        NOT NULL,
    topic            text        NOT NULL,
    notes            text        NOT NULL,
    case_resource_id uuid,
    status           text        NOT NULL,
    created_by       uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, case_resource_id) REFERENCES resources (tenant_id, id)
);
--bun:split
CREATE INDEX peer_sessions_by_date ON peer_sessions (tenant_id, starts_at);
--bun:split
CREATE TABLE peer_session_attendees (
    tenant_id    uuid        NOT NULL,
    session_id   uuid        NOT NULL,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    response     text        NOT NULL,
    responded_at timestamptz,
    attended     boolean,
    PRIMARY KEY (tenant_id, session_id, user_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES peer_sessions (tenant_id, id) ON DELETE CASCADE
);
--bun:split
CREATE INDEX peer_session_attendees_by_user ON peer_session_attendees (tenant_id, user_id);
--bun:split
ALTER TABLE resources ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE resources FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON resources
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE guide_editions ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE guide_editions FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON guide_editions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE guide_acknowledgements ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE guide_acknowledgements FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON guide_acknowledgements
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE peer_sessions ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE peer_sessions FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON peer_sessions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE peer_session_attendees ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE peer_session_attendees FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON peer_session_attendees
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
