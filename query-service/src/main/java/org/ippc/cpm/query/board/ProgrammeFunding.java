package org.ippc.cpm.query.board;

import java.math.BigDecimal;
import org.ippc.cpm.domain.shared.Nullable;

/** A programme's funding: needed (once a detailed plan says so), pledged, contributed, mobilised, and the gap (M1). */
public record ProgrammeFunding(
        String programmeId,
        String title,
        @Nullable BigDecimal fundingNeededUsd,
        BigDecimal pledgedUsd,
        BigDecimal contributedUsd,
        BigDecimal mobilisedUsd,
        @Nullable BigDecimal gapUsd) {}
