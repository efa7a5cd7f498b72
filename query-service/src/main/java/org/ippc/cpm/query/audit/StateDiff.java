package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What changed in an aggregate between two points of its history: each field (JSON pointer), before and after, and the
 * events that changed it.
 */
public record StateDiff(
        String aggregateId,
        @Schema(description = "The first point as given") String from,
        @Schema(description = "The second point as given") String to,
        List<String> events,
        List<FieldChange> changes) {

    public record FieldChange(
            String path,

            @Schema(description = "Any JSON value, or null") JsonNode before,

            @Schema(description = "Any JSON value, or null") JsonNode after,

            List<String> changedBy) {}
}
