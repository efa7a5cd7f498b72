package org.ippc.cpm.projection;

import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the decision log reads off any event: the session it names (directly or through its round) and the programme. */
final class EventFacts {

    /** Each event type's record components by name, looked up once per type. */
    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents()).collect(Collectors.toMap(RecordComponent::getName, c -> c))
                    : Map.of();
        }
    };

    private EventFacts() {
    }

    static Optional<String> session(Object payload) {
        return component(payload, "sessionId").map(SessionId.class::cast).map(SessionId::value)
                .or(() -> component(payload, "roundId").map(RoundId.class::cast).map(r -> r.session().value()));
    }

    static Optional<String> programme(Object payload) {
        return component(payload, "programmeId").map(Object::toString);
    }

    private static Optional<Object> component(Object payload, String name) {
        return Optional.ofNullable(COMPONENTS.get(payload.getClass()).get(name)).map(c -> read(c, payload));
    }

    private static Object read(RecordComponent component, Object payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
