-- Teams (a leader and members from the leader's downline), their sales per period, and team meetings.

CREATE TABLE team (
    id                UUID PRIMARY KEY,
    name              TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    leader_id         UUID        NOT NULL REFERENCES member (id),
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    -- Projection of team.volume-updated for the leader: group volume of the last closed period.
    last_close_volume NUMERIC(19, 2),
    last_close_period TEXT CHECK (last_close_period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    version           BIGINT      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX team_leader_name_uq ON team (leader_id, lower(name));

CREATE TABLE team_membership (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id   UUID        NOT NULL REFERENCES team (id),
    member_id UUID        NOT NULL REFERENCES member (id),
    added_at  TIMESTAMPTZ NOT NULL,
    added_by  TEXT        NOT NULL,
    UNIQUE (team_id, member_id)
);

CREATE INDEX team_membership_member_idx ON team_membership (member_id);

-- One row per team and calendar month (UTC): live sales (CV of completed orders net of refunds) and the
-- target the leader set for that month.
CREATE TABLE team_sales (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id       UUID           NOT NULL REFERENCES team (id),
    period        TEXT           NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    sales_volume  NUMERIC(19, 2) NOT NULL DEFAULT 0,
    target_volume NUMERIC(19, 2) CHECK (target_volume >= 0),
    UNIQUE (team_id, period)
);

-- Which teams each order was counted for, and in which month: a refund is taken off exactly those teams
-- in that month, and an order delivered again under a new event id is not counted twice.
CREATE TABLE team_sale_order (
    order_id    UUID        NOT NULL,
    team_id     UUID        NOT NULL REFERENCES team (id),
    period      TEXT        NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, team_id)
);

CREATE TABLE meeting (
    id               UUID PRIMARY KEY,
    team_id          UUID        NOT NULL REFERENCES team (id),
    title            TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    location         TEXT CHECK (char_length(location) BETWEEN 1 AND 300),
    organizer_id     UUID        NOT NULL REFERENCES member (id),
    status           TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    cancel_reason    TEXT,
    cancelled_at     TIMESTAMPTZ,
    cancelled_by     TEXT,
    reminder_sent_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);

CREATE INDEX meeting_team_starts_idx ON meeting (team_id, starts_at);
-- What the reminder job scans every 30 seconds.
CREATE INDEX meeting_reminder_due_idx ON meeting (starts_at) WHERE status = 'SCHEDULED' AND reminder_sent_at IS NULL;
