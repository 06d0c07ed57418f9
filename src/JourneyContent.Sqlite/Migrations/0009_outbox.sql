-- One outbox for every channel (mail, webhook): one table, one status machine, one worker. The rows of the two former
-- outboxes move here with their status, attempts, times, lease and idempotency id, so nothing pending is lost or resent
-- under another id; then the old tables go.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    channel         TEXT NOT NULL,          -- mail, webhook
    idempotency_id  TEXT NOT NULL UNIQUE,   -- the same on every attempt: Message-ID / pickup file name, webhook-id
    topic           TEXT NOT NULL,          -- the mail's purpose or the webhook's event, for the health view
    payload         TEXT NOT NULL,          -- the channel's JSON; '{}' once the lead is erased
    lead_id         TEXT NULL,
    status          TEXT NOT NULL,          -- pending, sent, failed (gave up or erased)
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    leased_until    TEXT NULL,
    sent_at         TEXT NULL,
    last_error      TEXT NULL
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_lead ON outbox (lead_id);
CREATE INDEX ix_outbox_channel ON outbox (channel, status);

-- Mail first, in id order, then webhooks: the new ids keep each channel's enqueue order. An erased recipient
-- (to_address NULL) keeps no payload at all.
INSERT INTO outbox (channel, idempotency_id, topic, payload, lead_id, status, attempts, created_at, next_attempt_at,
                    leased_until, sent_at, last_error)
SELECT 'mail', COALESCE(idempotency_id, lower(hex(randomblob(16)))), purpose,
       CASE WHEN to_address IS NULL THEN '{}'
            ELSE json_object('to', to_address, 'toName', to_name, 'subject', subject, 'textBody', text_body,
                             'htmlBody', html_body, 'language', language) END,
       lead_id, status, attempts, created_at, next_attempt_at, leased_until, sent_at, last_error
FROM mail_outbox ORDER BY id;

INSERT INTO outbox (channel, idempotency_id, topic, payload, lead_id, status, attempts, created_at, next_attempt_at,
                    leased_until, sent_at, last_error)
SELECT 'webhook', COALESCE(idempotency_id, 'msg_' || lower(hex(randomblob(16)))), event,
       json_object('event', event, 'url', url, 'body', body),
       lead_id, status, attempts, created_at, next_attempt_at, leased_until, sent_at, last_error
FROM webhook_outbox ORDER BY id;

DROP TABLE mail_outbox;
DROP TABLE webhook_outbox;
