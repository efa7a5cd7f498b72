package org.ippc.cpm.query.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of the status board, with the commands the programme's stage accepts and who may issue them.
 * {@code reportMissingAt}: the open session this approved programme has no progress report for yet (M3), or null.
 */
public record ProgrammeRow(
        String programmeId,
        String title,
        String conventionArticle,
        String roundId,
        String stage,
        String yearOneSession,
        String yearTwoSession,
        boolean delayed,
        int experts,
        int planVersion,
        BigDecimal fundingNeededUsd,
        BigDecimal pledgedUsd,
        BigDecimal contributedUsd,
        BigDecimal mobilisedUsd,
        BigDecimal gapUsd,
        String lastEvent,
        Instant lastChangedAt,
        long version,
        String reportMissingAt,
        List<NextAction> nextActions) {}
