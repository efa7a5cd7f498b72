package org.ippc.cpm.command.api;

import org.ippc.cpm.command.axon.Appended;

import java.util.List;

/** The answer to an accepted command: the aggregate it addressed, that aggregate's new version, and every event it recorded. */
public record CommandAccepted(String command, String aggregateId, long version, List<Appended> events) {
}
