package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.ippc.cpm.domain.commission.AggregateTypes;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.eventstore.EventMetadata;
import org.ippc.cpm.query.BadQuery;
import org.ippc.cpm.query.NotFound;
import org.springframework.stereotype.Component;

/**
 * The state of an aggregate at a point in its history ({@link HistoryPoint}), obtained by replaying its events into a fresh instance with
 * the aggregate's own event-sourcing handlers, and the differences between two such states.
 */
@Component
public class AggregateStates {

    private static final ObjectMapper STATE_JSON = CpmJson.objectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final EventHistory history;
    private final StateSnapshots snapshots;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    AggregateStates(EventHistory history, StateSnapshots snapshots) {
        this.history = history;
        this.snapshots = snapshots;
    }

    /**
     * Replays from the latest state snapshot within the point, if any, and keeps the snapshots it passes
     * ({@link StateSnapshots}) for the next as-of. Events are read in pages as long as the gap between two
     * snapshots: where the next snapshot is kept but lies outside the point, one page holds every event the point adds.
     */
    public AggregateState at(String aggregateId, HistoryPoint point) {
        Optional<StateSnapshots.Snapshot> snapshot = snapshots.latestWithin(aggregateId, point);
        Iterator<DomainEventMessage<?>> events = history.eventsFrom(
                        aggregateId,
                        snapshot.map(s -> s.sequence() + 1).orElse(0L),
                        point.lastSequence(),
                        snapshots.every())
                .iterator();
        DomainEventMessage<?> first = events.hasNext() ? events.next() : null;
        String storedType = snapshot.map(StateSnapshots.Snapshot::storedType)
                .or(() -> Optional.ofNullable(first).map(DomainEventMessage::getType))
                .orElseThrow(() -> new NotFound("no events for " + aggregateId));
        Replay replay = new Replay(storedType);
        snapshot.ifPresent(replay::startFrom);
        for (DomainEventMessage<?> event = first;
                event != null && point.includes().test(event);
                event = events.hasNext() ? events.next() : null) {
            replay.apply(event);
            if (snapshots.keepsAfter(event.getSequenceNumber())) {
                snapshots.save(
                        aggregateId,
                        storedType,
                        replay.version,
                        replay.lastEventAt,
                        replay.maxRecordedNanos,
                        replay.maxTookPlaceDay,
                        replay.aggregate);
            }
        }
        return new AggregateState(aggregateId, storedType, replay.version, replay.lastEventAt, replay.state());
    }

    StateDiff diff(String aggregateId, HistoryPoint from, HistoryPoint to) {
        List<DomainEventMessage<?>> events = history.events(aggregateId);
        int start = (int) events.stream().takeWhile(from.includes()).count();
        int end = (int) events.stream().takeWhile(to.includes()).count();
        if (start > end) {
            throw new BadQuery(
                    "from (%s) comes after to (%s) in %s's history".formatted(from.given(), to.given(), aggregateId));
        }
        Replay replay = new Replay(events.get(0).getType());
        events.subList(0, start).forEach(replay::apply);
        Map<String, JsonNode> before = flatten(replay.state());
        Map<String, JsonNode> current = before;
        Map<String, List<String>> changedBy = new LinkedHashMap<>();
        List<String> eventsBetween = new ArrayList<>();
        for (DomainEventMessage<?> next : events.subList(start, end)) {
            replay.apply(next);
            Map<String, JsonNode> after = flatten(replay.state());
            String label = "#%d %s"
                    .formatted(next.getSequenceNumber(), next.getPayloadType().getSimpleName());
            eventsBetween.add(label);
            for (String path : changedPaths(current, after)) {
                changedBy.computeIfAbsent(path, p -> new ArrayList<>()).add(label);
            }
            current = after;
        }
        Map<String, JsonNode> finalState = current;
        List<StateDiff.FieldChange> changes = changedPaths(before, finalState).stream()
                .map(path ->
                        new StateDiff.FieldChange(path, before.get(path), finalState.get(path), changedBy.get(path)))
                .toList();
        return new StateDiff(aggregateId, from.given(), to.given(), eventsBetween, changes);
    }

    private static List<String> changedPaths(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        List<String> paths = new ArrayList<>();
        before.forEach((path, value) -> {
            if (!Objects.equals(value, after.get(path))) {
                paths.add(path);
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(paths::add);
        return paths;
    }

    /**
     * Leaves of the state as JSON-pointer paths: an object's fields are followed, an array is a value of its own (so
     * that a change says what the list was and became, not which index appeared), as is an empty object.
     */
    private static Map<String, JsonNode> flatten(JsonNode state) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", state, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields()
                    .forEachRemaining(field -> flatten(
                            path + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                            field.getValue(),
                            leaves));
        } else {
            leaves.put(path.isEmpty() ? "/" : path, node);
        }
    }

    /** A fresh aggregate instance that events are applied to, as Axon does when it loads one. */
    private final class Replay {
        private Object aggregate;
        private final AggregateModel<Object> model;
        private long version = -1;
        private Instant lastEventAt;
        private long maxRecordedNanos = Long.MIN_VALUE;
        private long maxTookPlaceDay = Long.MIN_VALUE;

        @SuppressWarnings("unchecked")
        Replay(String storedType) {
            Class<?> type = AggregateTypes.ofStoredType(storedType)
                    .orElseThrow(() -> new BadQuery("unknown aggregate type " + storedType));
            this.model = (AggregateModel<Object>)
                    models.computeIfAbsent(type, AnnotatedAggregateMetaModelFactory::inspectAggregate);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                this.aggregate = constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " has no constructor for event sourcing", e);
            }
        }

        void apply(DomainEventMessage<?> event) {
            model.publish(event, aggregate);
            version = event.getSequenceNumber();
            lastEventAt = event.getTimestamp();
            maxRecordedNanos = Math.max(maxRecordedNanos, HistoryPoint.nanos(lastEventAt));
            maxTookPlaceDay =
                    Math.max(maxTookPlaceDay, EventMetadata.tookPlaceOn(event).toEpochDay());
        }

        void startFrom(StateSnapshots.Snapshot snapshot) {
            aggregate = snapshots.restore(snapshot, model.entityClass());
            version = snapshot.sequence();
            lastEventAt = snapshot.lastEventAt();
            maxRecordedNanos = snapshot.maxRecordedNanos();
            maxTookPlaceDay = snapshot.maxTookPlaceDay();
        }

        JsonNode state() {
            return version < 0 ? JsonNodeFactory.instance.objectNode() : STATE_JSON.valueToTree(aggregate);
        }
    }
}
