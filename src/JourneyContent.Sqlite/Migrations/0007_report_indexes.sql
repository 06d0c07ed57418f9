-- Indexes for the marketer reports, which are computed from the stored events when asked for.
-- A visitor's next stage change after a reading (content influence), and the views of an item in a date range.
CREATE INDEX ix_stage_transitions_visitor_at ON stage_transitions (visitor_id, at);
CREATE INDEX ix_journey_events_type_content ON journey_events (type, content_id, at);
CREATE INDEX ix_lead_downloads_requested ON lead_downloads (requested_at);
-- Every view of a visitor with its item and time, readable from the index alone (content influence's first readings).
CREATE INDEX ix_journey_events_type_visitor ON journey_events (type, visitor_id, content_id, at);
