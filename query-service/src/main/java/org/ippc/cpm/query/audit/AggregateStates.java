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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.ippc.cpm.domain.commission.AggregateTypes;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.query.BadQuery;
import org.springframework.stereotype.Component;

/**
 * The state of an aggregate at an instant or a version, obtained by replaying its events into a fresh instance with
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
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    AggregateStates(EventHistory history) {
        this.history = history;
    }

    public AggregateState at(String aggregateId, Instant asOf, Long version) {
        if ((asOf == null) == (version == null)) {
            throw new BadQuery("give exactly one of asOf (an ISO-8601 instant) or version (a sequence number)");
        }
        Predicate<DomainEventMessage<?>> upTo = asOf != null
                ? event -> !event.getTimestamp().isAfter(asOf)
                : event -> event.getSequenceNumber() <= version;
        List<DomainEventMessage<?>> events = history.events(aggregateId);
        Replay replay = new Replay(events.get(0).getType());
        events.stream().takeWhile(upTo).forEach(replay::apply);
        return new AggregateState(
                aggregateId, events.get(0).getType(), replay.version, replay.lastEventAt, replay.state());
    }

    StateDiff diff(String aggregateId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new BadQuery("give from and to as ISO-8601 instants, from before to");
        }
        List<DomainEventMessage<?>> events = history.events(aggregateId);
        Replay replay = new Replay(events.get(0).getType());
        Iterator<DomainEventMessage<?>> remaining = events.iterator();
        DomainEventMessage<?> next = remaining.hasNext() ? remaining.next() : null;
        while (next != null && !next.getTimestamp().isAfter(from)) {
            replay.apply(next);
            next = remaining.hasNext() ? remaining.next() : null;
        }
        Map<String, JsonNode> before = flatten(replay.state());
        Map<String, JsonNode> current = before;
        Map<String, List<String>> changedBy = new LinkedHashMap<>();
        List<String> eventsBetween = new ArrayList<>();
        while (next != null && !next.getTimestamp().isAfter(to)) {
            replay.apply(next);
            Map<String, JsonNode> after = flatten(replay.state());
            String label = "#%d %s"
                    .formatted(next.getSequenceNumber(), next.getPayloadType().getSimpleName());
            eventsBetween.add(label);
            for (String path : changedPaths(current, after)) {
                changedBy.computeIfAbsent(path, p -> new ArrayList<>()).add(label);
            }
            current = after;
            next = remaining.hasNext() ? remaining.next() : null;
        }
        Map<String, JsonNode> finalState = current;
        List<StateDiff.FieldChange> changes = changedPaths(before, finalState).stream()
                .map(path ->
                        new StateDiff.FieldChange(path, before.get(path), finalState.get(path), changedBy.get(path)))
                .toList();
        return new StateDiff(aggregateId, from, to, eventsBetween, changes);
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

    /** Leaves of the state as JSON-pointer paths; an empty object or array is a leaf of its own. */
    private static Map<String, JsonNode> flatten(JsonNode state) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", state, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isContainerNode() && !node.isEmpty()) {
            if (node.isObject()) {
                node.fields().forEachRemaining(field -> flatten(path + "/" + field.getKey(), field.getValue(), leaves));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(path + "/" + i, node.get(i), leaves);
                }
            }
        } else {
            leaves.put(path.isEmpty() ? "/" : path, node);
        }
    }

    /** A fresh aggregate instance that events are applied to, as Axon does when it loads one. */
    private final class Replay {
        private final Object aggregate;
        private final AggregateModel<Object> model;
        private long version = -1;
        private Instant lastEventAt;

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
        }

        JsonNode state() {
            return version < 0 ? JsonNodeFactory.instance.objectNode() : STATE_JSON.valueToTree(aggregate);
        }
    }
}
