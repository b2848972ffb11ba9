-- commission-service: the versioned plan, sales and their commission lines, refunds and reversals, personal
-- volumes per period, and period closes with their frozen figures. Money and volumes are NUMERIC(19,2).

CREATE TABLE plan_version (
    version     INTEGER PRIMARY KEY CHECK (version >= 1),
    document    JSONB       NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE')),
    active_from TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    CHECK ((status = 'DRAFT') = (active_from IS NULL))
);

-- The default plan (DESIGN.md's plan version 1, docs/compensation-plan.md), in force from the beginning.
INSERT INTO plan_version (version, document, status, active_from, created_at, created_by)
VALUES (1, '{
  "currency": "USD",
  "levels": [
    {"level": 1, "rate": "0.10"},
    {"level": 2, "rate": "0.05"},
    {"level": 3, "rate": "0.03"},
    {"level": 4, "rate": "0.02"},
    {"level": 5, "rate": "0.01"}
  ],
  "qualifyingVolume": "50.00",
  "ranks": [
    {"rank": "MEMBER", "paysLevels": 2},
    {"rank": "BRONZE", "paysLevels": 3, "personalVolume": "100.00"},
    {"rank": "SILVER", "paysLevels": 4, "personalVolume": "100.00", "groupVolume": "1000.00", "qualifiedSponsored": 2},
    {"rank": "GOLD", "paysLevels": 5, "personalVolume": "100.00", "groupVolume": "5000.00", "qualifiedSponsored": 3},
    {"rank": "PLATINUM", "paysLevels": 5, "personalVolume": "200.00", "groupVolume": "20000.00", "legs": {"count": 2, "rank": "SILVER"}},
    {"rank": "DIAMOND", "paysLevels": 5, "personalVolume": "200.00", "groupVolume": "100000.00", "legs": {"count": 3, "rank": "GOLD"}}
  ],
  "holdDays": 14,
  "payoutCap": "0.21"
}'::jsonb, 'ACTIVE', '1970-01-01T00:00:00Z', now(), 'system:commission-service');

CREATE TABLE sale (
    order_id     UUID PRIMARY KEY,
    seller_id    UUID          NOT NULL,
    amount       NUMERIC(19,2) NOT NULL CHECK (amount > 0),
    currency     CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    cv           NUMERIC(19,2) NOT NULL CHECK (cv > 0),
    refunded_amount NUMERIC(19,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    refunded_cv  NUMERIC(19,2) NOT NULL DEFAULT 0 CHECK (refunded_cv >= 0 AND refunded_cv <= cv),
    completed_at TIMESTAMPTZ   NOT NULL,
    period       CHAR(7)       NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    plan_version INTEGER       NOT NULL REFERENCES plan_version (version),
    processed_at TIMESTAMPTZ   NOT NULL,
    paid         NUMERIC(19,2) NOT NULL CHECK (paid >= 0),
    breakage     NUMERIC(19,2) NOT NULL CHECK (breakage >= 0),
    explanation  JSONB         NOT NULL
);
CREATE INDEX sale_period_idx ON sale (period);

CREATE TABLE commission_line (
    line_id        UUID PRIMARY KEY,
    order_id       UUID          NOT NULL REFERENCES sale (order_id),
    beneficiary_id UUID          NOT NULL,
    seller_id      UUID          NOT NULL,
    level          INTEGER       NOT NULL CHECK (level >= 1),
    rate           NUMERIC(7,6)  NOT NULL CHECK (rate > 0 AND rate <= 1),
    amount         NUMERIC(19,2) NOT NULL CHECK (amount > 0),
    remaining      NUMERIC(19,2) NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    paid_as_rank   TEXT          NOT NULL CHECK (paid_as_rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    period         CHAR(7)       NOT NULL,
    plan_version   INTEGER       NOT NULL REFERENCES plan_version (version),
    rule           TEXT          NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    release_at     TIMESTAMPTZ   NOT NULL,
    released_at    TIMESTAMPTZ,
    UNIQUE (order_id, level)
);
CREATE INDEX commission_line_beneficiary_idx ON commission_line (beneficiary_id, period, created_at, line_id);
CREATE INDEX commission_line_due_idx ON commission_line (release_at) WHERE released_at IS NULL;

CREATE TABLE refund (
    refund_id   UUID PRIMARY KEY,
    order_id    UUID          NOT NULL REFERENCES sale (order_id),
    amount      NUMERIC(19,2) NOT NULL CHECK (amount > 0),
    cv          NUMERIC(19,2) NOT NULL CHECK (cv >= 0),
    refunded_at TIMESTAMPTZ   NOT NULL,
    period      CHAR(7)       NOT NULL
);
CREATE INDEX refund_order_idx ON refund (order_id);

CREATE TABLE line_reversal (
    reversal_id UUID PRIMARY KEY,
    line_id     UUID          NOT NULL REFERENCES commission_line (line_id),
    refund_id   UUID          NOT NULL REFERENCES refund (refund_id),
    amount      NUMERIC(19,2) NOT NULL CHECK (amount >= 0),
    released    BOOLEAN       NOT NULL,
    UNIQUE (line_id, refund_id)
);

-- Personal volume per member and period, net of refunds (a refund counts in the period it happens, so this can
-- be negative): written with each sale and refund, read by the walk (qualification) and the close.
CREATE TABLE member_volume (
    member_id UUID          NOT NULL,
    period    CHAR(7)       NOT NULL,
    pv        NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (member_id, period)
);

CREATE TABLE period_close (
    period        CHAR(7) PRIMARY KEY CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    status        TEXT          NOT NULL CHECK (status IN ('CLOSED', 'REOPENED')),
    plan_version  INTEGER       NOT NULL REFERENCES plan_version (version),
    result_hash   CHAR(64)      NOT NULL,
    member_count  INTEGER       NOT NULL CHECK (member_count >= 0),
    total_volume  NUMERIC(19,2) NOT NULL,
    sales_volume  NUMERIC(19,2) NOT NULL,
    commissions   NUMERIC(19,2) NOT NULL,
    breakage      NUMERIC(19,2) NOT NULL,
    payout_ratio  NUMERIC(9,6)  NOT NULL,
    rank_counts   JSONB         NOT NULL,
    closes        INTEGER       NOT NULL CHECK (closes >= 1),
    closed_at     TIMESTAMPTZ   NOT NULL,
    closed_by     TEXT          NOT NULL,
    reopened_at   TIMESTAMPTZ,
    reopened_by   TEXT
);

-- A close's frozen tree and figures, one row per member: the source of paid-as ranks (the last closed period),
-- of a re-close's diff and of a draft plan's preview.
CREATE TABLE close_member (
    period              CHAR(7)       NOT NULL,
    member_id           UUID          NOT NULL,
    sponsor_id          UUID,
    active              BOOLEAN       NOT NULL,
    pv                  NUMERIC(19,2) NOT NULL,
    previous_pv         NUMERIC(19,2) NOT NULL,
    gv                  NUMERIC(19,2) NOT NULL,
    qualified_sponsored INTEGER       NOT NULL CHECK (qualified_sponsored >= 0),
    rank                TEXT          NOT NULL CHECK (rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    previous_rank       TEXT          NOT NULL CHECK (previous_rank IN ('MEMBER', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
    PRIMARY KEY (period, member_id)
);
CREATE INDEX close_member_member_idx ON close_member (member_id, period);
CREATE INDEX commission_line_period_idx ON commission_line (period);
