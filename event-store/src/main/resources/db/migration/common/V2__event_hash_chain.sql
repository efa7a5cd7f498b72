-- Tamper evidence (ADR 0005): each event's hash covers its stored columns and the hash of the aggregate's previous
-- event. Written in the transaction that appends the event.
CREATE TABLE event_hash (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    previous_hash   VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL,
    UNIQUE (aggregate_id, sequence_number)
);
