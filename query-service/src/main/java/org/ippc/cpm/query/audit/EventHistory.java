package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.ippc.cpm.query.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An aggregate's events straight from the event store (never from a read model or a snapshot). */
@Component
public class EventHistory {

    /** More than the events between two state snapshots ({@code cpm.audit.snapshot-every}, 50 by default). */
    private static final int PAGE = 64;

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

    /**
     * The aggregate's events from a sequence number on, read a page at a time as the stream is consumed: an as-of
     * stops a few events after its snapshot, so it should not read the rest of a long history.
     */
    Stream<DomainEventMessage<?>> eventsFrom(String aggregateId, long firstSequence) {
        return Stream.iterate(
                        page(aggregateId, firstSequence),
                        page -> page != null,
                        page -> page.last() ? null : page(aggregateId, page.nextSequence()))
                .flatMap(page -> page.events().stream());
    }

    /** Up to {@link #PAGE} stored rows, upcast (an upcaster may change their number, not their sequence). */
    private record Page(List<DomainEventMessage<?>> events, boolean last, long nextSequence) {}

    private Page page(String aggregateId, long firstSequence) {
        List<GenericDomainEventEntry<byte[]>> rows = jdbc.query(
                """
                SELECT type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
                       payloadrevision, payload, metadata
                FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber >= ?
                ORDER BY sequencenumber LIMIT %d""".formatted(PAGE),
                (rs, i) -> new GenericDomainEventEntry<>(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8),
                        rs.getBytes(9)),
                aggregateId,
                firstSequence);
        long next = rows.isEmpty() ? firstSequence : rows.get(rows.size() - 1).getSequenceNumber() + 1;
        List<DomainEventMessage<?>> events = upcasting
                .domainEvents(rows.stream())
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
        return new Page(events, rows.size() < PAGE, next);
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
