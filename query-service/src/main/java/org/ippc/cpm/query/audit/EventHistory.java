package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.ippc.cpm.query.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An aggregate's events straight from the event store (never from a read model or a snapshot). */
@Component
public class EventHistory {

    private final EventStorageEngine store;
    private final JdbcTemplate jdbc;
    private final Upcasting upcasting;

    EventHistory(EventStorageEngine store, JdbcTemplate jdbc, Upcasting upcasting) {
        this.store = store;
        this.jdbc = jdbc;
        this.upcasting = upcasting;
    }

    List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = store.readEvents(aggregateId, 0)
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
        if (events.isEmpty()) {
            throw new NotFound("no events for " + aggregateId);
        }
        return events;
    }

    /** The aggregate's events from a sequence number on; none if there are none. */
    List<DomainEventMessage<?>> events(String aggregateId, long firstSequence) {
        return store.readEvents(aggregateId, firstSequence)
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }

    /** One query: the aggregate's rows of the event table with their hash links, read through Axon's upcasters. */
    public List<HistoryEntry> history(String aggregateId) {
        List<HistoryEntry> history = jdbc.query(
                """
                SELECT e.sequencenumber, e.eventidentifier, e.timestamp, e.payloadtype, e.payloadrevision, e.payload,
                       e.metadata, h.previous_hash, h.hash, e.type
                FROM domainevententry e LEFT JOIN event_hash h ON h.event_id = e.eventidentifier
                WHERE e.aggregateidentifier = ? ORDER BY e.sequencenumber""",
                (rs, i) -> {
                    String type = rs.getString(4);
                    IntermediateEventRepresentation event = upcasting.latest(
                            rs.getString(10),
                            aggregateId,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            type,
                            rs.getString(5),
                            rs.getBytes(6),
                            rs.getBytes(7));
                    Object payload = upcasting.serializer().deserialize(event.getData());
                    MetaData metadata = event.getMetaData().getObject();
                    return new HistoryEntry(
                            rs.getLong(1),
                            rs.getString(2),
                            type.substring(type.lastIndexOf('.') + 1),
                            Instant.parse(rs.getString(3)),
                            metadata,
                            payload,
                            rs.getString(8),
                            rs.getString(9));
                },
                aggregateId);
        if (history.isEmpty()) {
            throw new NotFound("no events for " + aggregateId);
        }
        return history;
    }
}
