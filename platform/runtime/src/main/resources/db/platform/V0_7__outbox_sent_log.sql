-- The relay moves each acknowledged row out of `outbox` into `outbox_sent` (one DELETE ... RETURNING feeding an
-- INSERT) instead of setting its sent_at. That update was never HOT (sent_at was in the relay's partial indexes),
-- so each sent event wrote a new copy of its row and its index entries, about 80 µs and 1 kB of WAL per row, and
-- `outbox` kept a week of sent rows that autovacuum had to scan. Moved, it is about 20 µs; `outbox` now holds only
-- rows still to be published.
CREATE TABLE outbox_sent (
    id           BIGINT      NOT NULL,
    event_id     UUID        NOT NULL,
    topic        TEXT        NOT NULL,
    aggregate_id TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    traceparent  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    attempts     INTEGER     NOT NULL
);

-- Rows arrive in sent_at order: a BRIN index serves the purge by age at almost no cost per insert.
CREATE INDEX outbox_sent_sent_at_idx ON outbox_sent USING brin (sent_at);

INSERT INTO outbox_sent (id, event_id, topic, aggregate_id, type, payload, traceparent, created_at, sent_at, attempts)
SELECT id, event_id, topic, aggregate_id, type, payload, traceparent, created_at, sent_at, attempts
FROM outbox WHERE sent_at IS NOT NULL ORDER BY sent_at;

DELETE FROM outbox WHERE sent_at IS NOT NULL;

DROP INDEX outbox_unsent_idx;
DROP INDEX outbox_sent_at_idx;
DROP INDEX outbox_held_idx;
ALTER TABLE outbox DROP COLUMN sent_at;

-- The rows that hold their aggregate back (backing off or parked): few, found once per relay round.
CREATE INDEX outbox_held_idx ON outbox (aggregate_id, id) WHERE parked_at IS NOT NULL OR next_attempt_at IS NOT NULL;

-- Every event of the retention window, waiting (sent_at null) or published, for operators and tests.
CREATE VIEW outbox_log AS
SELECT id, event_id, topic, aggregate_id, type, payload, traceparent, created_at, NULL::timestamptz AS sent_at,
       attempts, last_error, next_attempt_at, parked_at
FROM outbox
UNION ALL
SELECT id, event_id, topic, aggregate_id, type, payload, traceparent, created_at, sent_at,
       attempts, NULL, NULL, NULL
FROM outbox_sent;
