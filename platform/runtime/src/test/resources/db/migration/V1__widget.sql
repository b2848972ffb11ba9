-- The test application's own table: something to change in a transaction with an outbox row.
CREATE TABLE widget (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
