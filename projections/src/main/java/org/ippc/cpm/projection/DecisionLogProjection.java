package org.ippc.cpm.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.ippc.cpm.domain.shared.CpmEvent;
import org.ippc.cpm.domain.shared.CpmJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One auditable row per event: time, session, actor, command, rationale and the ids that tie it to the request that
 * caused it. Axon puts the causing message's id in {@code correlationId} and the first message's in {@code traceId}.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class DecisionLogProjection {

    private static final ObjectMapper JSON = CpmJson.objectMapper();

    private final JdbcTemplate jdbc;

    public DecisionLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CpmEvent event, DomainEventMessage<?> message, TrackingToken token) {
        jdbc.update("""
                INSERT INTO decision_log (global_index, event_id, aggregate_type, aggregate_id, sequence_number, event_type,
                    occurred_at, session_id, programme_id, actor_role, actor_id, command, rationale, correlation_id,
                    causation_id, payload)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM decision_log WHERE event_id = ?)""",
                token.position().orElseThrow(), message.getIdentifier(), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), event.getClass().getSimpleName(),
                Sql.time(message.getTimestamp()), EventFacts.session(event).orElse(null),
                EventFacts.programme(event).orElse(null), event.actor().role().name(), event.actor().id(),
                message.getMetaData().get("cpm.command"), event.rationale(), message.getMetaData().get("traceId"),
                message.getMetaData().get("correlationId"), json(event), message.getIdentifier());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM decision_log");
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON", e);
        }
    }
}
