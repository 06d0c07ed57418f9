-- Tracked events, partitioned by month of "at" (declarative range partitioning): retention drops whole partitions
-- instead of deleting rows. The store creates a month's partition before the first event of that month is written
-- (journey_events_pYYYYMM), so there is no default partition that could hold rows a new partition would conflict with.
-- The id comes from one sequence across partitions: a visitor's events are read back in id order, the order written.
CREATE SEQUENCE journey_events_id_seq AS bigint;
CREATE TABLE journey_events (
    id             bigint NOT NULL DEFAULT nextval('journey_events_id_seq'),
    visitor_id     text NOT NULL,
    at             timestamptz NOT NULL,
    type           text NOT NULL,
    content_id     text NULL,
    declared_stage text NULL
) PARTITION BY RANGE (at);
ALTER SEQUENCE journey_events_id_seq OWNED BY journey_events.id;
-- Indexes on the partitioned table are created on every partition, present and future.
CREATE INDEX ix_journey_events_visitor ON journey_events (visitor_id, id);
CREATE INDEX ix_journey_events_at ON journey_events (at);
CREATE INDEX ix_journey_events_type_content ON journey_events (type, content_id, at);
CREATE INDEX ix_journey_events_type_visitor ON journey_events (type, visitor_id, content_id, at);

-- Stage transitions: far fewer rows than events (one per stage change), so not partitioned.
CREATE TABLE stage_transitions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visitor_id text NOT NULL,
    at         timestamptz NOT NULL,
    from_stage text NULL,
    to_stage   text NOT NULL,
    content_id text NULL,
    reason     text NOT NULL
);
CREATE INDEX ix_stage_transitions_visitor ON stage_transitions (visitor_id, id);
CREATE INDEX ix_stage_transitions_at ON stage_transitions (at);
CREATE INDEX ix_stage_transitions_visitor_at ON stage_transitions (visitor_id, at);
