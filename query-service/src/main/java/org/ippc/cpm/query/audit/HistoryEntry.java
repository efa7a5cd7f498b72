package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.util.Map;

/** One event of an aggregate's history as the store holds it, with its metadata and its link in the hash chain. */
public record HistoryEntry(
        long sequenceNumber,
        String eventId,
        String eventType,
        Instant timestamp,
        Map<String, Object> metadata,
        Object payload,
        String previousHash,
        String hash) {}
