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
