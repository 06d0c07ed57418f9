CREATE TABLE editor_accounts (
    id                      text PRIMARY KEY,
    email                   text NOT NULL,
    display_name            text NOT NULL DEFAULT '',
    roles                   text NOT NULL DEFAULT '',
    password_hash           text NOT NULL,
    failed_sign_in_count    integer NOT NULL DEFAULT 0,
    first_failed_sign_in_at timestamptz NULL,
    locked_out_until        timestamptz NULL,
    created_at              timestamptz NOT NULL,
    last_sign_in_at         timestamptz NULL,
    security_stamp          text NOT NULL
);
-- Addresses are unique whatever their case, as in the SQLite store's COLLATE NOCASE.
CREATE UNIQUE INDEX ux_editor_accounts_email ON editor_accounts (lower(email));
