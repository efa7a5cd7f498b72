-- The auditor's as-of: an aggregate's state after every 50th event (cpm.audit.snapshot-every), so that an as-of
-- replays at most 49 events after one. Derived from the event store and the domain's code (model: a digest of the
-- domain's classes; a snapshot of other code is never used); any row may be deleted at any time.
CREATE TABLE state_snapshot (
    aggregate_id       VARCHAR(255) NOT NULL,
    sequence_number    BIGINT       NOT NULL,
    aggregate_type     VARCHAR(255) NOT NULL,
    model              VARCHAR(64)  NOT NULL,
    last_event_at      VARCHAR(64)  NOT NULL,
    max_recorded_nanos BIGINT       NOT NULL,
    max_took_place_day BIGINT       NOT NULL,
    state              BYTEA        NOT NULL,
    PRIMARY KEY (aggregate_id, sequence_number, model)
);
