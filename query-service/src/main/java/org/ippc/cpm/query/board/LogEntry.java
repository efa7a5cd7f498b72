package org.ippc.cpm.query.board;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

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
        Instant occurredAt,
        String sessionId,
        String programmeId,
        String actorRole,
        String actorId,
        String actorPerson,
        String actorParty,
        String command,
        String rationale,
        String correlationId,
        String causationId,
        @JsonRawValue String payload) {}
