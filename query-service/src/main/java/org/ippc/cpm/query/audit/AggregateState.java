package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An aggregate's fields after its events up to {@code version} (-1: before its first event). */
public record AggregateState(
        String aggregateId, String aggregateType, long version, Instant lastEventAt, JsonNode state) {}
