package org.ippc.cpm.query.board;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/** A CPM session the engine knows: scheduled, open (at most one) or closed. */
public record SessionRow(
        String sessionId,
        int sessionNumber,
        int sessionYear,

        @Schema(allowableValues = {"SCHEDULED", "OPEN", "CLOSED"})
        String status,

        @Nullable Instant openedAt,
        @Nullable Instant closedAt) {}
