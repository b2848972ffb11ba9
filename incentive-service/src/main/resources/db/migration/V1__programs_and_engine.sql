-- incentive-service: programs with their tiers and criteria, the engine's inputs (sales, closed periods),
-- per-member progress, the leaderboard's counts, qualifications and awards.

CREATE TABLE program (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description   TEXT        CHECK (description IS NULL OR length(description) BETWEEN 1 AND 2000),
    status        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    start_date    DATE        NOT NULL,
    end_date      DATE        NOT NULL,
    time_zone     TEXT        NOT NULL,
    -- The window in instants: [start_date 00:00, end_date + 1 00:00) in time_zone.
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    combine       TEXT        NOT NULL CHECK (combine IN ('ALL', 'ANY')),
    minimum_rank  TEXT        CHECK (minimum_rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    countries     TEXT[]      NOT NULL DEFAULT '{}',
    joined_before DATE,
    max_winners   INT         CHECK (max_winners > 0),
    winner_rule   TEXT        NOT NULL CHECK (winner_rule IN ('FIRST_TO_QUALIFY', 'HIGHEST_PROGRESS')),
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    closed_at     TIMESTAMPTZ,
    awarded_at    TIMESTAMPTZ,
    version       BIGINT      NOT NULL DEFAULT 0,
    CHECK (end_date >= start_date),
    CHECK (ends_at > starts_at),
    CHECK ((status = 'DRAFT') = (published_at IS NULL)),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    CHECK (awarded_at IS NULL OR status = 'CLOSED')
);

CREATE INDEX program_open_idx ON program (starts_at, ends_at) WHERE status = 'PUBLISHED';

CREATE TABLE tier (
    program_id  UUID          NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    level       SMALLINT      NOT NULL CHECK (level BETWEEN 1 AND 5),
    name        TEXT          NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    reward_type TEXT          NOT NULL CHECK (reward_type IN ('CASH', 'ITEM')),
    cash_amount NUMERIC(19, 2) CHECK (cash_amount > 0),
    item        TEXT          CHECK (length(item) BETWEEN 1 AND 200),
    PRIMARY KEY (program_id, level),
    UNIQUE (program_id, name),
    CHECK ((reward_type = 'CASH' AND cash_amount IS NOT NULL AND item IS NULL)
        OR (reward_type = 'ITEM' AND item IS NOT NULL AND cash_amount IS NULL))
);

CREATE TABLE tier_criterion (
    program_id UUID          NOT NULL,
    level      SMALLINT      NOT NULL,
    metric     TEXT          NOT NULL CHECK (metric IN ('PERSONAL_VOLUME', 'GROUP_VOLUME', 'NEW_PERSONALLY_SPONSORED',
                                                         'RANK_REACHED')),
    target     NUMERIC(19, 2) CHECK (target > 0),
    rank       TEXT          CHECK (rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    PRIMARY KEY (program_id, level, metric),
    FOREIGN KEY (program_id, level) REFERENCES tier (program_id, level) ON DELETE CASCADE,
    CHECK ((metric = 'RANK_REACHED') = (rank IS NOT NULL)),
    CHECK ((metric = 'RANK_REACHED') = (target IS NULL)),
    CHECK (metric <> 'NEW_PERSONALLY_SPONSORED' OR target = trunc(target))
);

-- A published or closed program's rules do not change: the database refuses it too.
CREATE FUNCTION refuse_published_rule_change() RETURNS trigger AS $$
DECLARE
    owner_status TEXT;
BEGIN
    SELECT status INTO owner_status FROM program
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.program_id ELSE NEW.program_id END);
    IF owner_status IS NOT NULL AND owner_status <> 'DRAFT' THEN
        RAISE EXCEPTION 'the rules of a % program do not change', owner_status USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tier_frozen BEFORE INSERT OR UPDATE OR DELETE ON tier
    FOR EACH ROW EXECUTE FUNCTION refuse_published_rule_change();
CREATE TRIGGER tier_criterion_frozen BEFORE INSERT OR UPDATE OR DELETE ON tier_criterion
    FOR EACH ROW EXECUTE FUNCTION refuse_published_rule_change();

CREATE FUNCTION refuse_published_program_change() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND (NEW.name, NEW.description, NEW.start_date, NEW.end_date, NEW.time_zone,
            NEW.starts_at, NEW.ends_at, NEW.combine, NEW.minimum_rank, NEW.countries, NEW.joined_before,
            NEW.max_winners, NEW.winner_rule)
        IS DISTINCT FROM (OLD.name, OLD.description, OLD.start_date, OLD.end_date, OLD.time_zone,
            OLD.starts_at, OLD.ends_at, OLD.combine, OLD.minimum_rank, OLD.countries, OLD.joined_before,
            OLD.max_winners, OLD.winner_rule) THEN
        RAISE EXCEPTION 'the rules of a % program do not change', OLD.status USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'CLOSED' AND NEW.status <> 'CLOSED' OR OLD.status = 'PUBLISHED' AND NEW.status = 'DRAFT' THEN
        RAISE EXCEPTION 'a program does not go back from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER program_frozen BEFORE UPDATE ON program
    FOR EACH ROW EXECUTE FUNCTION refuse_published_program_change();

-- Every sale the engine has seen, so that a refund lowers progress in the window of the sale's business time.
CREATE TABLE sale (
    order_id     UUID           PRIMARY KEY,
    member_id    UUID           NOT NULL,
    completed_at TIMESTAMPTZ    NOT NULL,
    volume       NUMERIC(19, 2) NOT NULL CHECK (volume >= 0),
    refunded     NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= volume),
    applied_at   TIMESTAMPTZ    NOT NULL
);

-- What commission-service said about a member for a closed period (a repeated close overwrites it).
CREATE TABLE member_period (
    member_id       UUID           NOT NULL,
    period          TEXT           NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    group_volume    NUMERIC(19, 2) CHECK (group_volume >= 0),
    new_rank        TEXT           CHECK (new_rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    PRIMARY KEY (member_id, period)
);

-- The member's current paid-as rank (the newest period's rank change), for eligibility.
CREATE TABLE member_rank (
    member_id UUID PRIMARY KEY,
    rank      TEXT NOT NULL CHECK (rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    period    TEXT NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$')
);

-- A recruit counted for their sponsor's "new personally sponsored" criterion, once per program.
CREATE TABLE sponsored_recruit (
    program_id UUID NOT NULL REFERENCES program (id),
    recruit_id UUID NOT NULL,
    sponsor_id UUID NOT NULL,
    PRIMARY KEY (program_id, recruit_id)
);

CREATE TABLE progress (
    program_id        UUID           NOT NULL REFERENCES program (id),
    member_id         UUID           NOT NULL,
    personal_volume   NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (personal_volume >= 0),
    group_volume      NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (group_volume >= 0),
    new_sponsored     INT            NOT NULL DEFAULT 0 CHECK (new_sponsored >= 0),
    highest_rank      TEXT           NOT NULL DEFAULT 'MEMBER'
        CHECK (highest_rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    eligible          BOOLEAN        NOT NULL DEFAULT false,
    tier_reached      SMALLINT       NOT NULL DEFAULT 0 CHECK (tier_reached BETWEEN 0 AND 5),
    criteria_met      SMALLINT       NOT NULL DEFAULT 0 CHECK (criteria_met >= 0),
    criteria_total    SMALLINT       NOT NULL DEFAULT 0 CHECK (criteria_total >= criteria_met),
    progress_percent  NUMERIC(5, 2)  NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    -- Leaderboard order: 100 per tier reached plus the percent towards the next tier.
    score             NUMERIC(7, 2)  NOT NULL DEFAULT 0 CHECK (score >= 0),
    score_since       TIMESTAMPTZ    NOT NULL,
    -- Coalesced incentive.progress-updated: set with the change, cleared by the announcer.
    announce_pending  BOOLEAN        NOT NULL DEFAULT false,
    announced_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (program_id, member_id)
);

CREATE INDEX progress_leaderboard_idx ON progress (program_id, score DESC, score_since, member_id) WHERE eligible;
CREATE INDEX progress_member_idx ON progress (member_id);
CREATE INDEX progress_announce_idx ON progress (announced_at NULLS FIRST) WHERE announce_pending;

-- How many eligible members hold each score of a program: a member's position is 1 + the members above.
CREATE TABLE leaderboard_bucket (
    program_id UUID          NOT NULL REFERENCES program (id),
    score      NUMERIC(7, 2) NOT NULL,
    members    BIGINT        NOT NULL CHECK (members >= 0),
    PRIMARY KEY (program_id, score)
);

CREATE TABLE qualification (
    program_id   UUID        NOT NULL REFERENCES program (id),
    member_id    UUID        NOT NULL,
    level        SMALLINT    NOT NULL,
    qualified_at TIMESTAMPTZ NOT NULL,
    lost_at      TIMESTAMPTZ,
    PRIMARY KEY (program_id, member_id, level),
    FOREIGN KEY (program_id, level) REFERENCES tier (program_id, level)
);

CREATE TABLE award (
    id                 UUID           PRIMARY KEY,
    program_id         UUID           NOT NULL REFERENCES program (id),
    member_id          UUID           NOT NULL,
    level              SMALLINT       NOT NULL,
    reward_type        TEXT           NOT NULL CHECK (reward_type IN ('CASH', 'ITEM')),
    cash_amount        NUMERIC(19, 2) CHECK (cash_amount > 0),
    currency           TEXT           CHECK (currency ~ '^[A-Z]{3}$'),
    item               TEXT,
    fulfilment_status  TEXT           NOT NULL CHECK (fulfilment_status IN ('CREDITED', 'PENDING', 'SHIPPED',
                                                                             'DELIVERED')),
    awarded_by         TEXT           NOT NULL,
    awarded_at         TIMESTAMPTZ    NOT NULL,
    updated_at         TIMESTAMPTZ    NOT NULL,
    UNIQUE (program_id, member_id),
    FOREIGN KEY (program_id, level) REFERENCES tier (program_id, level),
    CHECK ((reward_type = 'CASH') = (cash_amount IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((reward_type = 'ITEM') = (item IS NOT NULL)),
    CHECK ((reward_type = 'CASH') = (fulfilment_status = 'CREDITED'))
);
