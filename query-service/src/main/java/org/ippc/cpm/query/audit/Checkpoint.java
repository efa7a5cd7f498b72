package org.ippc.cpm.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The head of every hash chain at one moment, signed by the engine (HMAC-SHA256 with {@code cpm.audit.checkpoint-key}).
 * An auditor keeps it outside the engine; verifying it later detects what a chain walk alone cannot: events deleted
 * from the end of a chain together with their hashes (ADR 0005).
 */
public record Checkpoint(
        Instant takenAt,
        long events,
        List<ChainHead> heads,

        @Schema(
                description = "The key that signed it: a fingerprint (hmac-…), never the key itself; "
                        + CheckpointKey.DEMO_ID + " for the embedded profile's built-in key, which anyone can"
                        + " sign with. Checkpoints taken before key ids (2026-12) have none.")
        String keyId,

        String signature) {

    /** The last event of one aggregate's chain: its sequence number and hash. */
    public record ChainHead(String aggregateId, long sequenceNumber, String hash) {}
}
