package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/** An aggregate's fields after its events up to {@code version} (-1: before its first event). */
public record AggregateState(
        String aggregateId,
        String aggregateType,
        long version,
        @Nullable Instant lastEventAt,

        @Schema(implementation = Object.class, description = "The aggregate's fields")
        JsonNode state) {}
