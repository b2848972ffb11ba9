-- The audit log: one row per event, appended in sequence, each row's hash covering the previous row's hash and
-- the row's canonical form (README "Chain format"). Runs as the schema's owner; the service itself connects as
-- ${audit_role}, which may only SELECT and INSERT on the log and its checkpoints.

-- The platform's tables (V0_*, created before this migration) are working state, not the log: the service's
-- role uses them as any service does. flyway_schema_history is the owner's alone.
GRANT USAGE ON SCHEMA audit_service TO ${audit_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA audit_service TO ${audit_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA audit_service TO ${audit_role};
REVOKE ALL ON flyway_schema_history FROM ${audit_role};

CREATE TABLE audit_entry (
    seq          BIGINT      PRIMARY KEY CHECK (seq >= 1),
    event_id     UUID        NOT NULL UNIQUE,
    type         TEXT        NOT NULL CHECK (type <> ''),
    source       TEXT        NOT NULL CHECK (source <> ''),
    subject      TEXT,
    actor        TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    trace_id     TEXT,
    data_schema  TEXT,
    -- the payload in its RFC 8785 canonical form, exactly as hashed (TEXT, not JSONB, which would re-encode it)
    payload      TEXT        NOT NULL,
    prev_hash    BYTEA       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash         BYTEA       NOT NULL UNIQUE CHECK (octet_length(hash) = 32),
    -- the first entry links to 32 zero bytes
    CHECK (seq > 1 OR prev_hash = '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
);

-- An actor's, a subject's, a type's or a source's entries, newest first (cursor = seq).
CREATE INDEX audit_entry_actor ON audit_entry (actor, seq) WHERE actor IS NOT NULL;
CREATE INDEX audit_entry_subject ON audit_entry (subject, seq) WHERE subject IS NOT NULL;
CREATE INDEX audit_entry_type ON audit_entry (type, seq);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at);

-- Signed checkpoints: after `entries` entries the chain's head hash was `head_hash` (README "Checkpoints").
CREATE TABLE audit_checkpoint (
    entries     BIGINT      PRIMARY KEY CHECK (entries >= 1),
    head_hash   BYTEA       NOT NULL CHECK (octet_length(head_hash) = 32),
    signed_at   TIMESTAMPTZ NOT NULL,
    key_id      TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    signature   TEXT        NOT NULL
);

-- Immutability in the database: no UPDATE, DELETE or TRUNCATE, whoever asks (the owner included; only
-- disabling the trigger, which the owner or a superuser can do, gets past it, and the chain shows what then
-- changed). Statement-level, so that even a statement that matches no row is refused.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'raise_exception', HINT = 'entries are never changed or deleted';
END
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

GRANT SELECT, INSERT ON audit_entry, audit_checkpoint TO ${audit_role};

-- Platform tables that a later platform migration adds are working state too.
ALTER DEFAULT PRIVILEGES IN SCHEMA audit_service GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${audit_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA audit_service GRANT USAGE, SELECT ON SEQUENCES TO ${audit_role};
