package org.ippc.cpm.eventstore;

/** One link of an aggregate's hash chain: the hash of its event at {@code sequenceNumber}. */
public record ChainLink(String eventId, String aggregateId, long sequenceNumber, String hash) {}
