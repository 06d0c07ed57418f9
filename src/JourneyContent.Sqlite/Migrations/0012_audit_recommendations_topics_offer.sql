-- Pins, exclusion from automatic lists and boost, and topics and the item's own call to action, are audited like
-- stage changes: JSON of the settings before and after, both null when a change left them alone.
ALTER TABLE stage_audit ADD COLUMN from_recommendations TEXT NULL;
ALTER TABLE stage_audit ADD COLUMN to_recommendations TEXT NULL;
ALTER TABLE stage_audit ADD COLUMN from_topics_offer TEXT NULL;
ALTER TABLE stage_audit ADD COLUMN to_topics_offer TEXT NULL;
