package org.ippc.cpm.query.admin;

import java.time.Instant;

/** Progress of the latest rebuild of the read models, computed from the shared token store. */
public record RebuildStatus(
        boolean running,
        String requestedBy,
        Instant startedAt,
        long headIndex,
        long position,
        double percent,
        double eventsPerSecond,
        Double secondsLeft) {

    static RebuildStatus none() {
        return new RebuildStatus(false, null, null, 0, 0, 100, 0, null);
    }
}
