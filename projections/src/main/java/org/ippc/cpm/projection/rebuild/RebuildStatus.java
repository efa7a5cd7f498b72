package org.ippc.cpm.projection.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/** Progress of the latest rebuild of the read models, from the shared database (any node answers the same). */
public record RebuildStatus(
        boolean running,

        @Schema(
                description =
                        "STARTING (taking the segments, emptying tables), REPLAYING (applying the events), FINISHING (every event applied: the board's rows, indexes, swap), ENDED (see outcome)")
        RebuildPhase phase,

        @Nullable String requestedBy,
        @Nullable Instant startedAt,
        long headIndex,
        long position,
        double percent,
        double eventsPerSecond,

        @Nullable
        @Schema(
                description =
                        "estimated while the events are applied; unknown (null) while starting or finishing, 0 when ended")
        Double secondsLeft,

        @Nullable @Schema(description = "done, or why it was done by the processor's replay, failed or was abandoned")
        String outcome,

        @Schema(
                description =
                        "events set aside in the dead-letter queue (a rebuild goes past them; GET /api/admin/dead-letters)")
        long deadLetters) {

    static RebuildStatus none(long deadLetters) {
        return new RebuildStatus(false, RebuildPhase.ENDED, null, null, 0, 0, 100, 0, null, null, deadLetters);
    }
}
