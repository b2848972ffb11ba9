-- The double-entry wallet ledger. A transfer is one immutable row that debits one account and credits another
-- with the same positive amount, so the sum over all accounts is zero by construction. An account is a kind
-- (the chart of accounts) plus, for a member's accounts, the member; company accounts have no member and no
-- row of their own, so no posting ever locks or updates a shared row for them (they are the hot accounts).

CREATE TABLE wallet (
    member_id  UUID PRIMARY KEY,
    currency   TEXT           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Balances kept per member account; each equals the sum of that account's transfers (the invariant check
    -- re-derives them). A member's available, pending and on-hold balances are never negative; what a member
    -- owes after a reversal of paid-out money is the clawback receivable, never below zero elsewhere.
    available  NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (available >= 0),
    pending    NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (pending >= 0),
    on_hold    NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (on_hold >= 0),
    clawback   NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (clawback <= 0),
    updated_at TIMESTAMPTZ    NOT NULL
);

CREATE TABLE transfer (
    -- Derived from the cause and the leg (UUID v3 of "<cause id>/<leg>"): applying a cause twice is refused
    -- by this key.
    id            UUID PRIMARY KEY,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    cause_id      UUID           NOT NULL,
    leg           TEXT           NOT NULL,
    reason        TEXT           NOT NULL,
    debit_kind    TEXT           NOT NULL,
    debit_member  UUID REFERENCES wallet (member_id),
    credit_kind   TEXT           NOT NULL,
    credit_member UUID REFERENCES wallet (member_id),
    member_id     UUID GENERATED ALWAYS AS (coalesce(debit_member, credit_member)) STORED,
    amount        NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency      TEXT           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at    TIMESTAMPTZ    NOT NULL,
    UNIQUE (cause_id, leg),
    CHECK (debit_kind IN ('AVAILABLE', 'PENDING', 'ON_HOLD', 'CLAWBACK',
                          'COMMISSION_EXPENSE', 'INCENTIVE_EXPENSE', 'PAYOUTS_IN_TRANSIT', 'FEES')),
    CHECK (credit_kind IN ('AVAILABLE', 'PENDING', 'ON_HOLD', 'CLAWBACK',
                           'COMMISSION_EXPENSE', 'INCENTIVE_EXPENSE', 'PAYOUTS_IN_TRANSIT', 'FEES')),
    -- A member account names its member; a company account names none.
    CHECK ((debit_kind IN ('AVAILABLE', 'PENDING', 'ON_HOLD', 'CLAWBACK')) = (debit_member IS NOT NULL)),
    CHECK ((credit_kind IN ('AVAILABLE', 'PENDING', 'ON_HOLD', 'CLAWBACK')) = (credit_member IS NOT NULL)),
    -- Never from an account to itself, and a transfer concerns at most one member.
    CHECK (debit_kind <> credit_kind),
    CHECK (debit_member IS NULL OR credit_member IS NULL OR debit_member = credit_member)
);

CREATE INDEX transfer_member_idx ON transfer (member_id, seq) WHERE member_id IS NOT NULL;

-- Entries are immutable: corrections are new transfers.
CREATE FUNCTION transfer_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger transfers are immutable (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER transfer_no_update BEFORE UPDATE OR DELETE ON transfer
    FOR EACH ROW EXECUTE FUNCTION transfer_immutable();
CREATE TRIGGER transfer_no_truncate BEFORE TRUNCATE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION transfer_immutable();
