CREATE TABLE stage_audit (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id        TEXT NOT NULL,
    item_title     TEXT NOT NULL DEFAULT '',
    changed_by     TEXT NOT NULL,
    changed_at     TEXT NOT NULL,
    from_stage     TEXT NULL,
    to_stage       TEXT NULL,
    from_secondary TEXT NULL,
    to_secondary   TEXT NULL,
    from_kind      TEXT NULL,
    to_kind        TEXT NULL,
    source         TEXT NOT NULL
);
CREATE INDEX ix_stage_audit_item ON stage_audit (item_id, id DESC);
