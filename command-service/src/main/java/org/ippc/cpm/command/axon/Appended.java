package org.ippc.cpm.command.axon;

/** One event a command appended: its aggregate, sequence number (the aggregate's new version) and type. */
public record Appended(String aggregateId, long sequence, String type) {
}
