-- A marketer's notes on a lead: who wrote what, when. Each note is also audited in privacy_audit (action "note", without
-- its text, which may name people); notes are deleted with the rest of the lead's personal data when it is erased.
CREATE TABLE lead_notes (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id TEXT NOT NULL REFERENCES leads (id),
    text    TEXT NOT NULL,
    by_user TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX ix_lead_notes_lead ON lead_notes (lead_id, id);
