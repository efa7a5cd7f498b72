-- Locks an aggregate for the rest of the transaction, on every node alike, and answers its latest sequence number
-- as committed once the lock is held (each statement of a volatile function sees the newest commits). One round
-- trip: the command then decides on the store's latest state, whichever node appended it (AggregateLocks).
CREATE FUNCTION cpm_lock_aggregate(aggregate_id TEXT) RETURNS BIGINT
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(aggregate_id, 0));
    RETURN (SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = aggregate_id);
END;
$$;
