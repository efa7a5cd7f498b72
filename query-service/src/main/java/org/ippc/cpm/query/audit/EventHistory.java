package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.ippc.cpm.eventstore.EventMetadata;
import org.ippc.cpm.eventstore.StoredEvent;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.eventstore.StoredRow;
import org.ippc.cpm.query.NotFound;
import org.springframework.stereotype.Component;

/** An aggregate's events straight from the event store (never from a read model or a snapshot). */
@Component
public class EventHistory {

    /** More than the events between two state snapshots ({@code cpm.audit.snapshot-every}, 50 by default). */
    private static final int PAGE = 64;

    private final EventStorageEngine store;
    private final StoredEvents stored;
    private final Upcasting upcasting;

    EventHistory(EventStorageEngine store, StoredEvents stored, Upcasting upcasting) {
        this.store = store;
        this.stored = stored;
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
        List<StoredEvent> rows = stored.page(aggregateId, firstSequence, PAGE).stream()
                .map(StoredRow::event)
                .toList();
        long next = rows.isEmpty() ? firstSequence : rows.get(rows.size() - 1).sequenceNumber() + 1;
        List<DomainEventMessage<?>> events = upcasting
                .domainEvents(rows.stream())
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
        return new Page(events, rows.size() < PAGE, next);
    }

    /** One query: the aggregate's rows of the event table with their hash links, read through Axon's upcasters. */
    public List<HistoryEntry> history(String aggregateId) {
        List<HistoryEntry> history = stored.history(aggregateId).stream()
                .map(row -> {
                    StoredEvent stored = row.event();
                    String type = stored.payloadType();
                    IntermediateEventRepresentation event = upcasting.latest(stored);
                    Object payload = upcasting.serializer().deserialize(event.getData());
                    MetaData metadata = event.getMetaData().getObject();
                    return new HistoryEntry(
                            stored.sequenceNumber(),
                            stored.eventId(),
                            type.substring(type.lastIndexOf('.') + 1),
                            Instant.parse(stored.timestamp()),
                            EventMetadata.tookPlaceOn(
                                    metadata.get(EventMetadata.TOOK_PLACE_ON), Instant.parse(stored.timestamp())),
                            metadata,
                            payload,
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
