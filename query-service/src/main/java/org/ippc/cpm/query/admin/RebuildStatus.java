package org.ippc.cpm.query.admin;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/** Progress of the latest rebuild of the read models, computed from the shared token store. */
public record RebuildStatus(
        boolean running,
        @Nullable String requestedBy,
        @Nullable Instant startedAt,
        long headIndex,
        long position,
        double percent,
        double eventsPerSecond,
        @Nullable Double secondsLeft) {

    static RebuildStatus none() {
        return new RebuildStatus(false, null, null, 0, 0, 100, 0, null);
    }
}
