-- A marketer's lock of a lead's stage, with its expiry: one row per lead, replaced by a new lock, deleted when removed
-- early or when the lead is erased (expiry is decided by the application's clock, so an ended lock may stay). Locking
-- and unlocking are audited in privacy_audit (stage_lock, stage_unlock). A lock is not a journey event: it is laid over
-- the inferred stage and never becomes evidence for the model.
CREATE TABLE stage_locks (
    lead_id TEXT PRIMARY KEY REFERENCES leads (id),
    stage   TEXT NOT NULL,
    set_at  TEXT NOT NULL,
    until   TEXT NOT NULL,
    set_by  TEXT NOT NULL,
    reason  TEXT NULL
);
