package org.ippc.cpm.eventstore;

/** The columns of one row of {@code domainevententry}, as the hash chain sees them. */
public record StoredEvent(
        String eventId,
        String aggregateId,
        long sequenceNumber,
        String aggregateType,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metadata) {}
