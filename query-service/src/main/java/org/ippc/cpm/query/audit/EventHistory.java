package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ippc.cpm.eventstore.EventMetadata;
import org.ippc.cpm.eventstore.StoredEvent;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.eventstore.StoredRow;
import org.ippc.cpm.query.NotFound;
import org.springframework.stereotype.Component;

/** An aggregate's events straight from the event store (never from a read model or a snapshot). */
@Component
public class EventHistory {

    private final EventStorageEngine store;
    private final StoredEvents stored;
    private final DecodedEvents decoded;

    EventHistory(EventStorageEngine store, StoredEvents stored, DecodedEvents decoded) {
        this.store = store;
        this.stored = stored;
        this.decoded = decoded;
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
     * The aggregate's events from one sequence number to another (or to its end), read {@code pageSize} rows at a
     * time as the stream is consumed: an as-of stops a few events after its snapshot, so it should not read the rest
     * of a long history, nor a whole page where it knows it needs fewer rows.
     */
    Stream<DomainEventMessage<?>> eventsFrom(String aggregateId, long firstSequence, long lastSequence, int pageSize) {
        return Stream.iterate(
                        page(aggregateId, firstSequence, lastSequence, pageSize),
                        page -> page != null,
                        page -> page.last() ? null : page(aggregateId, page.nextSequence(), lastSequence, pageSize))
                .flatMap(page -> page.events().stream());
    }

    /** Up to a page of stored rows, upcast (each of this engine's upcasters keeps one event one event). */
    private record Page(List<DomainEventMessage<?>> events, boolean last, long nextSequence) {}

    private Page page(String aggregateId, long firstSequence, long lastSequence, int pageSize) {
        if (firstSequence > lastSequence) {
            return new Page(List.of(), true, firstSequence);
        }
        int limit = lastSequence - firstSequence >= pageSize ? pageSize : (int) (lastSequence - firstSequence + 1);
        List<StoredEvent> rows = stored.page(aggregateId, firstSequence, limit).stream()
                .map(StoredRow::event)
                .toList();
        long next = rows.isEmpty() ? firstSequence : rows.get(rows.size() - 1).sequenceNumber() + 1;
        List<DomainEventMessage<?>> events =
                rows.stream().<DomainEventMessage<?>>map(this::message).toList();
        return new Page(events, rows.size() < limit || next > lastSequence, next);
    }

    /** A stored row as the message Axon's reads would give for it (decoded once: {@link DecodedEvents}). */
    private DomainEventMessage<?> message(StoredEvent row) {
        DecodedEvents.Decoded event = decoded.of(row);
        return new GenericDomainEventMessage<>(
                row.aggregateType(),
                row.aggregateId(),
                row.sequenceNumber(),
                event.value(),
                event.meta(),
                row.eventId(),
                Instant.parse(row.timestamp()));
    }

    /**
     * One query: the aggregate's rows of the event table with their hash links, read through Axon's upcasters (a row
     * decoded before, with the same bytes, is not decoded again: {@link DecodedEvents}).
     */
    public List<HistoryEntry> history(String aggregateId) {
        List<HistoryEntry> history = stored.history(aggregateId).stream()
                .map(row -> {
                    StoredEvent stored = row.event();
                    String type = stored.payloadType();
                    DecodedEvents.Decoded event = decoded.of(stored);
                    Instant recordedAt = Instant.parse(stored.timestamp());
                    return new HistoryEntry(
                            stored.sequenceNumber(),
                            stored.eventId(),
                            type.substring(type.lastIndexOf('.') + 1),
                            recordedAt,
                            EventMetadata.tookPlaceOn(event.meta().get(EventMetadata.TOOK_PLACE_ON), recordedAt),
                            event.meta(),
                            event.value(),
                            row.previousHash(),
                            row.hash());
                })
                .toList();
        if (history.isEmpty()) {
            throw new NotFound("no events for " + aggregateId);
        }
        return history;
    }
}
