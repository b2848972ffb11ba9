-- The platform's member projection (io.downline.platform.members), built from users.events.v1 in each service
-- that enables it (downline.members.projection.enabled=true); empty in a service that does not.
CREATE TABLE member_projection (
    member_id     UUID PRIMARY KEY,
    oidc_subject  TEXT,
    sponsor_id    UUID,
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    country       TEXT        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    registered_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX member_projection_subject_idx ON member_projection (oidc_subject);
CREATE INDEX member_projection_sponsor_idx ON member_projection (sponsor_id);

-- Events about a member whose member.registered has not arrived yet, applied in arrival order when it does.
CREATE TABLE member_projection_parked (
    id        BIGSERIAL PRIMARY KEY,
    member_id UUID        NOT NULL,
    event_id  UUID        NOT NULL UNIQUE,
    type      TEXT        NOT NULL,
    source    TEXT        NOT NULL,
    time      TIMESTAMPTZ NOT NULL,
    data      TEXT        NOT NULL,
    parked_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX member_projection_parked_member_idx ON member_projection_parked (member_id, id);
