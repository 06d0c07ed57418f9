-- Leads: people who filled a gated form. Personal columns are NULL once a lead is erased (erased_at set); the row,
-- its stage and its downloads stay, anonymous, so that reports keep their counts. The same tables as SQLite's 0004,
-- 0010 and 0011, with timestamptz times.
CREATE TABLE leads (
    id                 text PRIMARY KEY,        -- random, 128 bits, hex: used in signed links, never guessable
    email              text NULL,               -- normalised (trimmed, domain lower-cased); NULL once erased
    first_name         text NULL,
    last_name          text NULL,
    company            text NULL,
    job_title          text NULL,
    company_size       text NULL,
    country            text NULL,
    phone              text NULL,
    language           text NOT NULL,
    declared_stage     text NULL,
    stage              text NULL,
    email_confirmed_at timestamptz NULL,
    member_key         text NULL,
    utm_source         text NULL,
    utm_medium         text NULL,
    utm_campaign       text NULL,
    utm_term           text NULL,
    utm_content        text NULL,
    referrer           text NULL,
    landing_page       text NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    last_activity_at   timestamptz NOT NULL,
    erased_at          timestamptz NULL
);
CREATE UNIQUE INDEX ux_leads_email ON leads (email) WHERE email IS NOT NULL;
CREATE INDEX ix_leads_last_activity ON leads (last_activity_at) WHERE erased_at IS NULL;
CREATE INDEX ix_leads_stage ON leads (stage);
CREATE INDEX ix_leads_created ON leads (created_at);

CREATE TABLE lead_consents (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    text NOT NULL REFERENCES leads (id),
    text       text NOT NULL,
    version    text NOT NULL,
    given_at   timestamptz NOT NULL,
    ip_hash    text NULL,
    content_id text NULL
);
CREATE INDEX ix_lead_consents_lead ON lead_consents (lead_id);

CREATE TABLE lead_visitors (
    lead_id    text NOT NULL REFERENCES leads (id),
    visitor_id text NOT NULL,
    merged_at  timestamptz NOT NULL,
    PRIMARY KEY (lead_id, visitor_id)
);
CREATE INDEX ix_lead_visitors_visitor ON lead_visitors (visitor_id);

CREATE TABLE lead_downloads (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id       text NOT NULL REFERENCES leads (id),
    content_id    text NOT NULL,
    requested_at  timestamptz NOT NULL,
    downloaded_at timestamptz NULL,
    downloads     integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_lead_downloads ON lead_downloads (lead_id, content_id);
CREATE INDEX ix_lead_downloads_content ON lead_downloads (content_id);
CREATE INDEX ix_lead_downloads_requested ON lead_downloads (requested_at);

CREATE TABLE lead_stage_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    text NOT NULL REFERENCES leads (id),
    from_stage text NULL,
    to_stage   text NOT NULL,
    at         timestamptz NOT NULL,
    reason     text NOT NULL
);
CREATE INDEX ix_lead_stage_history_lead ON lead_stage_history (lead_id, id);

CREATE TABLE privacy_audit (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id text NOT NULL,
    action  text NOT NULL,   -- export, erase, retention, stage_lock, stage_unlock, note
    by_user text NOT NULL,
    at      timestamptz NOT NULL,
    detail  text NULL
);
CREATE INDEX ix_privacy_audit_lead ON privacy_audit (lead_id);

-- A marketer's lock of a lead's stage, one row per lead (see SQLite's 0010).
CREATE TABLE stage_locks (
    lead_id text PRIMARY KEY REFERENCES leads (id),
    stage   text NOT NULL,
    set_at  timestamptz NOT NULL,
    until   timestamptz NOT NULL,
    set_by  text NOT NULL,
    reason  text NULL
);

-- A marketer's notes on a lead (see SQLite's 0011).
CREATE TABLE lead_notes (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id text NOT NULL REFERENCES leads (id),
    text    text NOT NULL,
    by_user text NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX ix_lead_notes_lead ON lead_notes (lead_id, id);
