package org.ippc.cpm.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC storage engine that also links every appended event into its aggregate's hash chain, in the same
 * transaction (ADR 0005). A chain per aggregate needs no lock beyond the one the event table's (aggregate, sequence)
 * key already takes, so several command nodes append without coordinating.
 */
public class HashChainedEventStorageEngine extends JdbcEventStorageEngine {

    private final JdbcTemplate jdbc;

    public HashChainedEventStorageEngine(JdbcEventStorageEngine.Builder builder, JdbcTemplate jdbc) {
        super(builder);
        this.jdbc = jdbc;
    }

    /**
     * A unit-of-work resource: the identifiers of the events this unit of work appended, so that a commit the database
     * did not confirm can be looked up once it answers again (a list of strings).
     */
    public static final String APPENDED = HashChainedEventStorageEngine.class.getName() + ".appended";

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get()
                    .root()
                    .<List<String>>getOrComputeResource(APPENDED, key -> new ArrayList<>())
                    .addAll(events.stream().map(EventMessage::getIdentifier).toList());
        }
        Map<String, String> heads = new HashMap<>();
        List<Object[]> links = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            if (!(message instanceof DomainEventMessage<?> event)) {
                continue;
            }
            String previous = heads.computeIfAbsent(
                    event.getAggregateIdentifier(), id -> previousHash(id, event.getSequenceNumber()));
            String hash = EventHash.of(previous, stored(event, serializer));
            heads.put(event.getAggregateIdentifier(), hash);
            links.add(new Object[] {
                event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(), previous, hash
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO event_hash (event_id, aggregate_id, sequence_number, previous_hash, hash) VALUES (?, ?, ?, ?, ?)",
                links);
    }

    private String previousHash(String aggregateId, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return EventHash.GENESIS;
        }
        List<String> found = jdbc.queryForList(
                "SELECT hash FROM event_hash WHERE aggregate_id = ? AND sequence_number = ?",
                String.class,
                aggregateId,
                sequenceNumber - 1);
        return found.isEmpty() ? EventHash.GENESIS : found.get(0);
    }

    /** What the superclass wrote for this event: serialization is cached on the message, so the bytes are the same. */
    private static StoredEvent stored(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        return new StoredEvent(
                event.getIdentifier(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getType(),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getType().getName(),
                payload.getType().getRevision(),
                payload.getData(),
                metadata.getData());
    }
}
