package org.ippc.cpm.query.board;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.Role;

/**
 * One row of the decision log: an event with who, when, at which session, why, and what caused it. Who: the role, the
 * person, the party for a role that acts for one, and {@code actorId}, the party or else the person.
 */
public record LogEntry(
        long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String eventType,

        @Schema(description = "When the engine recorded the event")
        Instant occurredAt,

        @Schema(
                description =
                        "The day it took place: Took-Place-On when it was recorded later, else the day (UTC) it was recorded")
        LocalDate tookPlaceOn,

        @Nullable String sessionId,
        @Nullable String programmeId,
        @Schema(implementation = Role.class) String actorRole,
        String actorId,
        String actorPerson,
        @Nullable String actorParty,
        @Nullable String command,
        String rationale,
        @Nullable String correlationId,
        @Nullable String causationId,

        @JsonRawValue @Schema(implementation = Object.class, description = "The event as stored")
        String payload) {}
