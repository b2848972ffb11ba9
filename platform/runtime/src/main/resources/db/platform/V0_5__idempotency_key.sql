-- Idempotency-Key support (IETF draft "The Idempotency-Key HTTP Header Field"): one row per key a caller sent.
-- A row without completed_at is a request still running; its key is claimed by the INSERT ... ON CONFLICT that
-- starts it, committed before the request runs.
CREATE TABLE idempotency_key (
    caller       TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    status       INTEGER,
    headers      JSONB,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (caller, key),
    CONSTRAINT idempotency_key_completed CHECK ((completed_at IS NULL) = (status IS NULL))
);

-- The purge deletes by age.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
