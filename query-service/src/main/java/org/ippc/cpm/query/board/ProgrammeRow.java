package org.ippc.cpm.query.board;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * One row of the status board, with the commands the programme's stage accepts and who may issue them.
 * {@code reportMissingAt}: the open session this approved programme has no progress report for yet (M3), or null.
 * {@code waitingEvents}: events of the programme that the read models could not handle and that wait in the
 * dead-letter queue (the row may be behind the record until they are retried: {@code /api/admin/dead-letters}).
 */
public record ProgrammeRow(
        String programmeId,
        String title,
        @Nullable String conventionArticle,
        String roundId,
        @Schema(implementation = ProgrammeStage.class) String stage,
        String yearOneSession,
        @Nullable String yearTwoSession,
        boolean delayed,
        int experts,
        int planVersion,
        @Nullable BigDecimal fundingNeededUsd,
        BigDecimal pledgedUsd,
        BigDecimal contributedUsd,
        BigDecimal mobilisedUsd,
        @Nullable BigDecimal gapUsd,
        String lastEvent,

        @Schema(description = "When the engine recorded the last event")
        Instant lastChangedAt,

        @Schema(
                description = "The day the last event took place: Took-Place-On when it was recorded later,"
                        + " else the day (UTC) it was recorded")
        LocalDate lastTookPlaceOn,

        long version,
        @Nullable String reportMissingAt,
        int waitingEvents,
        List<NextAction> nextActions) {}
