package org.ippc.cpm.eventstore;

import org.axonframework.eventhandling.GenericDomainEventEntry;

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
        byte[] metadata) {

    /** The row as Axon's upcasters and deserialisers take it. */
    public GenericDomainEventEntry<byte[]> asEntry() {
        return new GenericDomainEventEntry<>(
                aggregateType,
                aggregateId,
                sequenceNumber,
                eventId,
                timestamp,
                payloadType,
                payloadRevision,
                payload,
                metadata);
    }
}
