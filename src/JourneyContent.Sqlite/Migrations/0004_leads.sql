-- Leads: people who filled a gated form. Personal columns are NULL once a lead is erased (erased_at set); the row,
-- its stage and its downloads stay, anonymous, so that reports keep their counts.
CREATE TABLE leads (
    id               TEXT PRIMARY KEY,          -- random, 128 bits, hex: used in signed links, never guessable
    email            TEXT NULL,                 -- normalised (trimmed, domain lower-cased); NULL once erased
    first_name       TEXT NULL,
    last_name        TEXT NULL,
    company          TEXT NULL,
    job_title        TEXT NULL,
    company_size     TEXT NULL,
    country          TEXT NULL,
    phone            TEXT NULL,
    language         TEXT NOT NULL,
    declared_stage   TEXT NULL,                 -- "where are you in your project?"
    stage            TEXT NULL,                 -- the current stage (declared, then inferred from the merged visitors)
    email_confirmed_at TEXT NULL,               -- double opt-in
    member_key       TEXT NULL,                 -- the Umbraco member, when the visitor was signed in
    utm_source       TEXT NULL,
    utm_medium       TEXT NULL,
    utm_campaign     TEXT NULL,
    utm_term         TEXT NULL,
    utm_content      TEXT NULL,
    referrer         TEXT NULL,
    landing_page     TEXT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    last_activity_at TEXT NOT NULL,
    erased_at        TEXT NULL
);
CREATE UNIQUE INDEX ux_leads_email ON leads (email) WHERE email IS NOT NULL;
CREATE INDEX ix_leads_last_activity ON leads (last_activity_at) WHERE erased_at IS NULL;
CREATE INDEX ix_leads_stage ON leads (stage);
CREATE INDEX ix_leads_created ON leads (created_at);

-- What the lead agreed to, in the words shown, with a hash of the IP (never the IP itself).
CREATE TABLE lead_consents (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id    TEXT NOT NULL REFERENCES leads (id),
    text       TEXT NOT NULL,
    version    TEXT NOT NULL,
    given_at   TEXT NOT NULL,
    ip_hash    TEXT NULL,
    content_id TEXT NULL
);
CREATE INDEX ix_lead_consents_lead ON lead_consents (lead_id);

-- The visitor ids (tracking cookies) merged into a lead.
CREATE TABLE lead_visitors (
    lead_id    TEXT NOT NULL REFERENCES leads (id),
    visitor_id TEXT NOT NULL,
    merged_at  TEXT NOT NULL,
    PRIMARY KEY (lead_id, visitor_id)
);
CREATE INDEX ix_lead_visitors_visitor ON lead_visitors (visitor_id);

-- Each gated asset asked for (form submitted) and, once the link is used, downloaded.
CREATE TABLE lead_downloads (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id       TEXT NOT NULL REFERENCES leads (id),
    content_id    TEXT NOT NULL,
    requested_at  TEXT NOT NULL,
    downloaded_at TEXT NULL,
    downloads     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_lead_downloads ON lead_downloads (lead_id, content_id);
CREATE INDEX ix_lead_downloads_content ON lead_downloads (content_id);

-- The lead's stage over time.
CREATE TABLE lead_stage_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id    TEXT NOT NULL REFERENCES leads (id),
    from_stage TEXT NULL,
    to_stage   TEXT NOT NULL,
    at         TEXT NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX ix_lead_stage_history_lead ON lead_stage_history (lead_id, id);

-- Exports, erasures and retention runs: who did what to whose data, and when.
CREATE TABLE privacy_audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id TEXT NOT NULL,
    action  TEXT NOT NULL,   -- export, erase, retention
    by_user TEXT NOT NULL,
    at      TEXT NOT NULL,
    detail  TEXT NULL
);
CREATE INDEX ix_privacy_audit_lead ON privacy_audit (lead_id);
