-- Payout methods (stored encrypted, shown masked), payout requests and their approvals.

CREATE TABLE payout_method (
    id          UUID PRIMARY KEY,
    member_id   UUID        NOT NULL,
    type        TEXT        NOT NULL CHECK (type IN ('IBAN', 'WALLET')),
    holder_name TEXT        NOT NULL CHECK (char_length(holder_name) BETWEEN 1 AND 140),
    -- For a WALLET, the wallet's provider or network name (e.g. PayPal); null for an IBAN.
    wallet_name TEXT CHECK (wallet_name IS NULL OR char_length(wallet_name) BETWEEN 1 AND 60),
    -- AES-GCM: a 12-byte nonce, then the ciphertext and its tag, of the IBAN or wallet address; the method id
    -- is the associated data, so a ciphertext moved to another row does not decrypt.
    secret      BYTEA       NOT NULL,
    masked      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK ((type = 'WALLET') = (wallet_name IS NOT NULL))
);

CREATE INDEX payout_method_member_idx ON payout_method (member_id, created_at);

CREATE TABLE payout (
    id                 UUID PRIMARY KEY,
    member_id          UUID           NOT NULL REFERENCES wallet (member_id),
    requester_subject  TEXT           NOT NULL,
    method_id          UUID           NOT NULL REFERENCES payout_method (id),
    amount             NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency           TEXT           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status             TEXT           NOT NULL
        CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'PAID', 'FAILED')),
    required_approvals INT            NOT NULL CHECK (required_approvals IN (1, 2)),
    approvals          INT            NOT NULL DEFAULT 0 CHECK (approvals BETWEEN 0 AND required_approvals),
    requested_at       TIMESTAMPTZ    NOT NULL,
    decided_at         TIMESTAMPTZ,
    decided_by         TEXT,
    decision_reason    TEXT CHECK (decision_reason IS NULL OR char_length(decision_reason) <= 500),
    payment_reference  TEXT CHECK (payment_reference IS NULL OR char_length(payment_reference) <= 140),
    settled_at         TIMESTAMPTZ,
    version            BIGINT         NOT NULL DEFAULT 0,
    CHECK ((status = 'APPROVED') <= (approvals = required_approvals)),
    CHECK ((status = 'PAID') = (payment_reference IS NOT NULL)),
    CHECK ((status IN ('REJECTED', 'FAILED')) <= (decision_reason IS NOT NULL))
);

-- One open request per member at a time.
CREATE UNIQUE INDEX payout_one_open_per_member ON payout (member_id) WHERE status IN ('REQUESTED', 'APPROVED');
CREATE INDEX payout_status_idx ON payout (status, requested_at);
CREATE INDEX payout_member_idx ON payout (member_id, requested_at);

CREATE TABLE payout_approval (
    payout_id         UUID        NOT NULL REFERENCES payout (id),
    approver          TEXT        NOT NULL,
    requester_subject TEXT        NOT NULL,
    approved_at       TIMESTAMPTZ NOT NULL,
    -- Two approvals of one payout come from two different people, and nobody approves their own request.
    PRIMARY KEY (payout_id, approver),
    CHECK (approver <> requester_subject)
);
