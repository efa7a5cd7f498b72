package org.ippc.cpm.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ippc.cpm.domain.shared.CpmEvent;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.eventstore.EventMetadata;
import org.ippc.cpm.eventstore.StoredEvents;
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
    private static final String INSERT = """
            INSERT INTO decision_log (global_index, event_id, aggregate_type, aggregate_id, sequence_number, event_type,
                occurred_at, took_place_on, session_id, programme_id, actor_role, actor_id, actor_person, actor_party, command,
                rationale, correlation_id, causation_id, payload)
            SELECT %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM %s
            AND NOT EXISTS (SELECT 1 FROM decision_log WHERE event_id = ?)""".formatted(StoredEvents.GLOBAL_INDEX, StoredEvents.EVENT_BY_ID);
    /** A rebuild in bulk: the index is known, the table was emptied and each event comes once. */
    private static final String INSERT_AT_KNOWN_INDEX = """
            INSERT INTO decision_log (global_index, event_id, aggregate_type, aggregate_id, sequence_number, event_type,
                occurred_at, took_place_on, session_id, programme_id, actor_role, actor_id, actor_person, actor_party, command,
                rationale, correlation_id, causation_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final WriteBatch batch;

    public DecisionLogProjection(JdbcTemplate jdbc, WriteBatch batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The global index is read from the event's own row: a tracking token's position is the highest index seen, which
     * for an event that fills a gap (committed late by another transaction) is a later event's index.
     */
    @EventHandler
    void on(CpmEvent event, DomainEventMessage<?> message) {
        Object knownIndex = message.getMetaData().get(ReadModels.GLOBAL_INDEX);
        Object[] columns = {
            message.getIdentifier(),
            message.getType(),
            message.getAggregateIdentifier(),
            message.getSequenceNumber(),
            event.getClass().getSimpleName(),
            Sql.time(message.getTimestamp()),
            tookPlaceOn(message),
            EventFacts.session(event).orElse(null),
            EventFacts.programme(event).orElse(null),
            event.actor().role().name(),
            event.actor().name(),
            event.actor().person(),
            event.actor().party(),
            EventMetadata.command(message.getMetaData().get(EventMetadata.COMMAND)),
            event.rationale(),
            message.getMetaData().get("traceId"),
            message.getMetaData().get("correlationId"),
            json(event)
        };
        if (knownIndex != null) {
            Object[] row = new Object[columns.length + 1];
            row[0] = knownIndex;
            System.arraycopy(columns, 0, row, 1, columns.length);
            batch.append(INSERT_AT_KNOWN_INDEX, row);
        } else {
            Object[] row = Arrays.copyOf(columns, columns.length + 2);
            row[columns.length] = message.getIdentifier();
            row[columns.length + 1] = message.getIdentifier();
            batch.append(INSERT, row);
        }
    }

    private static java.sql.Date tookPlaceOn(DomainEventMessage<?> message) {
        return java.sql.Date.valueOf(EventMetadata.tookPlaceOn(message));
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
