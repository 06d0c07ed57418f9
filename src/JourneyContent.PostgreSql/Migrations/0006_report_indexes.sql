-- The reports read the transitions visitor by visitor in byte order (COLLATE "C"), so that streams merged in C# compare
-- visitor ids ordinally whatever collation the database was created with; the indexes of 0003 are in the database's
-- collation and cannot give that order. The funnel and the transition matrix read (visitor, id); content influence reads
-- the moves (a from stage) in (visitor, at) order, ties by id.
CREATE INDEX ix_stage_transitions_visitor_c_id ON stage_transitions (visitor_id COLLATE "C", id);
CREATE INDEX ix_stage_transitions_moves_c_at ON stage_transitions (visitor_id COLLATE "C", at, id) WHERE from_stage IS NOT NULL;
