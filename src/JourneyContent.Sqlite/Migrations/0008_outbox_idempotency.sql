-- Each outbox message gets an idempotency id, the same on every attempt: mail derives its Message-ID and pickup file
-- name from it, webhooks send it as the webhook-id header, so a resend after a crash is recognisable.
ALTER TABLE mail_outbox ADD COLUMN idempotency_id TEXT NULL;
UPDATE mail_outbox SET idempotency_id = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX ux_mail_outbox_idempotency ON mail_outbox (idempotency_id);
ALTER TABLE webhook_outbox ADD COLUMN idempotency_id TEXT NULL;
UPDATE webhook_outbox SET idempotency_id = 'msg_' || lower(hex(randomblob(16)));
CREATE UNIQUE INDEX ux_webhook_outbox_idempotency ON webhook_outbox (idempotency_id);
-- A worker claims the rows it is about to send until leased_until: another worker, or a retry after a crash, does not
-- send them again before the lease ends.
ALTER TABLE mail_outbox ADD COLUMN leased_until TEXT NULL;
ALTER TABLE webhook_outbox ADD COLUMN leased_until TEXT NULL;
