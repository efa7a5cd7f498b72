package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * The head of every hash chain at one moment, signed by the engine (HMAC-SHA256 with {@code cpm.audit.checkpoint-key}).
 * An auditor keeps it outside the engine; verifying it later detects what a chain walk alone cannot: events deleted
 * from the end of a chain together with their hashes (ADR 0005).
 */
public record Checkpoint(Instant takenAt, long events, List<ChainHead> heads, String signature) {

    /** The last event of one aggregate's chain: its sequence number and hash. */
    public record ChainHead(String aggregateId, long sequenceNumber, String hash) {}
}
