-- Outbox relay robustness: a failing row backs off its own aggregate only, and a row that keeps failing
-- is parked (never sent again automatically) and holds its aggregate back until an operator releases it
-- (platform/runtime/docs/outbox.md).
ALTER TABLE outbox
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN parked_at       TIMESTAMPTZ;

-- The rows that hold their aggregate back (backing off or parked): few, looked up per candidate row.
CREATE INDEX outbox_held_idx ON outbox (aggregate_id, id)
    WHERE sent_at IS NULL AND (parked_at IS NOT NULL OR next_attempt_at IS NOT NULL);
