-- Out-of-order events: an event that refers to something the service does not know yet is parked here, under
-- what it waits for (e.g. member:<id>), and applied in order (id) when that arrives. Never dropped: a row
-- leaves this table only when its event has been applied. Its ce_id is in processed_event from the moment it
-- is parked, so a redelivery of it changes nothing.
CREATE TABLE parked_event (
    id          BIGSERIAL PRIMARY KEY,
    consumer    TEXT        NOT NULL,
    waits_for   TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    type        TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT,
    event_time  TIMESTAMPTZ NOT NULL,
    traceparent TEXT,
    topic       TEXT        NOT NULL,
    data        TEXT        NOT NULL,
    parked_at   TIMESTAMPTZ NOT NULL,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT,
    UNIQUE (consumer, event_id)
);

CREATE INDEX parked_event_waits_for_idx ON parked_event (consumer, waits_for, id);
