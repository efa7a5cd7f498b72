package org.ippc.cpm.command.axon;

/** The answer to an accepted command: the aggregate it addressed and that aggregate's new version (also the ETag). */
public record CommandAccepted(String command, String aggregateId, long version) {}
