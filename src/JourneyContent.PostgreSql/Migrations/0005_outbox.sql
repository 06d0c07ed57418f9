-- One outbox for every channel (mail, webhook), as SQLite's 0009. Several instances share it: each claims due rows
-- with SELECT … FOR UPDATE SKIP LOCKED and sets leased_until, so a message is sent by one instance.
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         text NOT NULL,
    idempotency_id  text NOT NULL UNIQUE,
    topic           text NOT NULL,
    payload         text NOT NULL,
    lead_id         text NULL,
    status          text NOT NULL,          -- pending, sent, failed
    attempts        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    leased_until    timestamptz NULL,
    sent_at         timestamptz NULL,
    last_error      text NULL
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_lead ON outbox (lead_id);
CREATE INDEX ix_outbox_channel ON outbox (channel, status);
