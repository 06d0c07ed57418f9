CREATE TABLE journey_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor_id     TEXT NOT NULL,
    at             TEXT NOT NULL,
    type           TEXT NOT NULL,
    content_id     TEXT NULL,
    declared_stage TEXT NULL
);
CREATE INDEX ix_journey_events_visitor ON journey_events (visitor_id, id);
CREATE INDEX ix_journey_events_at ON journey_events (at);

CREATE TABLE stage_transitions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor_id TEXT NOT NULL,
    at         TEXT NOT NULL,
    from_stage TEXT NULL,
    to_stage   TEXT NOT NULL,
    content_id TEXT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX ix_stage_transitions_visitor ON stage_transitions (visitor_id, id);
CREATE INDEX ix_stage_transitions_at ON stage_transitions (at);
