-- Every email is written here first; a background sender delivers it, with retries and back-off.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address      TEXT NULL,              -- NULL once the recipient is erased
    to_name         TEXT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    language        TEXT NOT NULL,
    purpose         TEXT NOT NULL,          -- download, confirm, …
    lead_id         TEXT NULL,
    status          TEXT NOT NULL,          -- pending, sent, failed (gave up)
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT NULL,
    last_error      TEXT NULL
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_lead ON mail_outbox (lead_id);
