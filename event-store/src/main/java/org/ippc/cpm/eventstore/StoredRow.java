package org.ippc.cpm.eventstore;

/** A stored event with its place in the store ({@code globalIndex}) and its links in the hash chain (null if none). */
public record StoredRow(long globalIndex, StoredEvent event, String previousHash, String hash) {}
