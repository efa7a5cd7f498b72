package org.ippc.cpm.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.Role;

/**
 * One event of the JSON export, as {@link LogExport} writes it (the CSV export has the same columns but the payload):
 * the decision log's row read straight from the event store, with the event's hash and its payload at its latest
 * revision.
 */
public record ExportedEvent(
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
        @Nullable String rationale,
        @Nullable String correlationId,
        @Nullable String causationId,
        @Nullable String hash,

        @Schema(implementation = Object.class, description = "The event at its latest revision")
        Object payload) {}
