package org.ippc.cpm.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ippc.cpm.query.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An aggregate's events straight from the event store (never from a read model or a snapshot). */
@Component
public class EventHistory {

    private final EventStorageEngine store;
    private final JdbcTemplate jdbc;

    EventHistory(EventStorageEngine store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = store.readEvents(aggregateId, 0).asStream().<DomainEventMessage<?>>map(e -> e).toList();
        if (events.isEmpty()) {
            throw new NotFound("no events for " + aggregateId);
        }
        return events;
    }

    public List<HistoryEntry> history(String aggregateId) {
        List<DomainEventMessage<?>> events = events(aggregateId);
        Map<Long, String[]> links = new HashMap<>();
        jdbc.query("SELECT sequence_number, previous_hash, hash FROM event_hash WHERE aggregate_id = ?",
                rs -> {
                    links.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3)});
                }, aggregateId);
        return events.stream().map(event -> {
            String[] link = links.getOrDefault(event.getSequenceNumber(), new String[2]);
            return new HistoryEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), event.getMetaData(), event.getPayload(), link[0], link[1]);
        }).toList();
    }
}
