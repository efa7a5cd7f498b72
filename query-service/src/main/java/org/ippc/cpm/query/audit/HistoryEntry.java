package org.ippc.cpm.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.ippc.cpm.domain.shared.Nullable;

/** One event of an aggregate's history as the store holds it, with its metadata and its link in the hash chain. */
public record HistoryEntry(
        long sequenceNumber,
        String eventId,
        String eventType,
        Instant timestamp,

        @Schema(
                description =
                        "The day it took place: Took-Place-On when it was recorded later, else the day (UTC) it was recorded")
        LocalDate tookPlaceOn,

        @Schema(type = "object", additionalPropertiesSchema = String.class)
        Map<String, Object> metadata,

        @Schema(implementation = Object.class, description = "The event as stored")
        Object payload,

        @Nullable String previousHash,
        @Nullable String hash) {}
