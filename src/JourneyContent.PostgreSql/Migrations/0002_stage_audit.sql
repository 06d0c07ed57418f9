-- The audit log of tag changes: append-only. The JSON columns hold the recommendation settings and the topics and
-- offer before and after, both null when a change left them alone (as SQLite's 0012).
CREATE TABLE stage_audit (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id              text NOT NULL,
    item_title           text NOT NULL DEFAULT '',
    changed_by           text NOT NULL,
    changed_at           timestamptz NOT NULL,
    from_stage           text NULL,
    to_stage             text NULL,
    from_secondary       text NULL,
    to_secondary         text NULL,
    from_kind            text NULL,
    to_kind              text NULL,
    source               text NOT NULL,
    from_recommendations text NULL,
    to_recommendations   text NULL,
    from_topics_offer    text NULL,
    to_topics_offer      text NULL
);
CREATE INDEX ix_stage_audit_item ON stage_audit (item_id, id DESC);
