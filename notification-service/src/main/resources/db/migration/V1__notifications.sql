-- notification-service: the inbox (one ordered stream per room), preferences, e-mail outbox, and the small
-- projections it needs to pick recipients (contact details, teams, meetings, payouts waiting, live figures).

-- Contact details of members, from member.registered / member.profile-updated (the platform's member
-- projection has no e-mail or name).
CREATE TABLE member_contact (
    member_id  UUID PRIMARY KEY,
    email      TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    name       TEXT NOT NULL CHECK (length(name) >= 1),
    locale     TEXT NOT NULL DEFAULT 'en' CHECK (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE team (
    team_id   UUID PRIMARY KEY,
    name      TEXT NOT NULL,
    leader_id UUID NOT NULL
);

CREATE TABLE team_member (
    team_id   UUID NOT NULL REFERENCES team (team_id),
    member_id UUID NOT NULL,
    PRIMARY KEY (team_id, member_id)
);
CREATE INDEX team_member_by_member ON team_member (member_id);

CREATE TABLE meeting (
    meeting_id UUID PRIMARY KEY,
    team_id    UUID NOT NULL REFERENCES team (team_id),
    title      TEXT NOT NULL
);

-- Every notification belongs to one stream, the room it is pushed to: member:<id> (a member's inbox),
-- team:<id>, meeting:<id>, role:finance, role:kyc-review. Each stream numbers its notifications 1, 2, 3...
-- with no gap: the row below is locked by the transaction that takes a number, so numbers commit in order.
CREATE TABLE stream_sequence (
    stream        TEXT PRIMARY KEY,
    last_sequence BIGINT NOT NULL CHECK (last_sequence > 0)
);

CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    stream      TEXT NOT NULL CHECK (stream ~ '^((member|team|meeting):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|role:(finance|kyc-review))$'),
    sequence    BIGINT NOT NULL CHECK (sequence > 0),
    member_id   UUID,
    type        TEXT NOT NULL CHECK (type ~ '^[a-z]+(-[a-z]+)*$'),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    data        JSONB NOT NULL,
    event_id    UUID NOT NULL,
    event_type  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    CONSTRAINT notification_stream_sequence UNIQUE (stream, sequence),
    -- One event gives a stream at most one notification of a type, whatever redelivers it.
    CONSTRAINT notification_once_per_event UNIQUE (event_id, stream, type),
    -- A member stream names its member, and only a member's notification can be read.
    CONSTRAINT notification_member_stream CHECK ((stream LIKE 'member:%') = (member_id IS NOT NULL)
        AND (member_id IS NULL OR stream = 'member:' || member_id::text)),
    CONSTRAINT notification_read_by_member CHECK (read_at IS NULL OR member_id IS NOT NULL),
    CONSTRAINT notification_read_after_created CHECK (read_at IS NULL OR read_at >= created_at)
);
CREATE INDEX notification_unread ON notification (member_id) WHERE read_at IS NULL AND member_id IS NOT NULL;

-- Per member and type: muted (no notification at all), or also by e-mail. Absent row: in the inbox, no mail.
CREATE TABLE preference (
    member_id  UUID NOT NULL,
    type       TEXT NOT NULL CHECK (type ~ '^[a-z]+(-[a-z]+)*$'),
    muted      BOOLEAN NOT NULL,
    email      BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, type),
    CONSTRAINT preference_muted_or_mailed CHECK (NOT (muted AND email))
);

-- E-mails written with their notification and sent after commit by MailSender.
CREATE TABLE email_outbox (
    id              BIGSERIAL PRIMARY KEY,
    notification_id UUID NOT NULL UNIQUE REFERENCES notification (id),
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    attempts        INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT
);
CREATE INDEX email_outbox_pending ON email_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Payout requests waiting for a finance decision (the analytics room's "payouts waiting").
CREATE TABLE payout_waiting (
    payout_id    UUID PRIMARY KEY,
    member_id    UUID NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);

-- Running totals for the analytics room; one row.
CREATE TABLE live_figures (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    signups      BIGINT NOT NULL CHECK (signups >= 0),
    sales_volume NUMERIC(19, 2) NOT NULL,
    commissions  NUMERIC(19, 2) NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
INSERT INTO live_figures (id, signups, sales_volume, commissions, updated_at) VALUES (1, 0, 0, 0, '1970-01-01T00:00:00Z');
