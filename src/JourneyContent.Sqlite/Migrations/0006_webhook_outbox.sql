-- CRM webhooks (lead captured, stage changed) wait here; a background dispatcher posts them, with retries and back-off.
CREATE TABLE webhook_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    event           TEXT NOT NULL,          -- lead.captured, lead.stage_changed
    url             TEXT NOT NULL,
    body            TEXT NOT NULL,          -- the JSON posted, signed when sent
    lead_id         TEXT NULL,
    status          TEXT NOT NULL,          -- pending, sent, failed (gave up)
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT NULL,
    last_error      TEXT NULL
);
CREATE INDEX ix_webhook_outbox_due ON webhook_outbox (status, next_attempt_at);
CREATE INDEX ix_webhook_outbox_lead ON webhook_outbox (lead_id);
