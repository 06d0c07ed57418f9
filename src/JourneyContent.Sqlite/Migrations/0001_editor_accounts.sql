CREATE TABLE editor_accounts (
    id                      TEXT PRIMARY KEY,
    email                   TEXT NOT NULL COLLATE NOCASE UNIQUE,
    display_name            TEXT NOT NULL DEFAULT '',
    roles                   TEXT NOT NULL DEFAULT '',
    password_hash           TEXT NOT NULL,
    failed_sign_in_count    INTEGER NOT NULL DEFAULT 0,
    first_failed_sign_in_at TEXT NULL,
    locked_out_until        TEXT NULL,
    created_at              TEXT NOT NULL,
    last_sign_in_at         TEXT NULL,
    security_stamp          TEXT NOT NULL
);
