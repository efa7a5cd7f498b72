package org.ippc.cpm.query.board;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.shared.Role;

/** One pledge, contribution or mobilisation for a programme; {@code party}: the party's code, or the body's role. */
public record FundingEntry(
        String eventId,
        String party,
        Role partyRole,

        @Schema(allowableValues = {"PLEDGED", "CONTRIBUTED", "MOBILISED"})
        String flow,

        ResourceKind resourceKind,
        BigDecimal valueUsd,
        String description,
        Instant occurredAt) {}
