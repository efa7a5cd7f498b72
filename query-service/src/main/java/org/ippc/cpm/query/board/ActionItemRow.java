package org.ippc.cpm.query.board;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ippc.cpm.domain.decision.ActionItemStatus;
import org.ippc.cpm.domain.shared.Nullable;

/** An action item of a CPM decision, due at a session: open, reported, or overdue (C3). */
public record ActionItemRow(
        String decisionId,
        String itemId,
        int decisionNumber,
        String decisionSession,
        String addressee,
        String dueSession,
        String request,

        @Schema(implementation = ActionItemStatus.class) String status,

        @Nullable String documentReference) {}
