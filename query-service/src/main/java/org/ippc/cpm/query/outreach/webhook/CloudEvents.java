package org.ippc.cpm.query.outreach.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.ippc.cpm.domain.decision.DecisionEvent;
import org.ippc.cpm.domain.directory.DirectoryEvent;
import org.ippc.cpm.domain.programme.ProgrammeEvent;
import org.ippc.cpm.domain.round.RoundEvent;
import org.ippc.cpm.domain.session.SessionEvent;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.translation.TranslationEvent;

/**
 * An event as a CloudEvents 1.0 JSON envelope: {@code id} the event's id, {@code type} {@code int.ippc.cpm.} and the
 * event's name, {@code source} the engine's base URL, {@code subject} the record (programme, session, round, decision
 * or addressee), {@code time} when it was recorded, {@code data} the payload as the API shows it; the extensions
 * {@code cpmposition} (its global position) and {@code cpmsequence} (its number within the record) let a receiver
 * order and deduplicate.
 */
public final class CloudEvents {

    public static final String TYPE_PREFIX = "int.ippc.cpm.";

    /** Every event type a subscription may name, by its simple name. */
    public static final List<String> EVENT_TYPES = Stream.of(
                    SessionEvent.class,
                    RoundEvent.class,
                    ProgrammeEvent.class,
                    DecisionEvent.class,
                    DirectoryEvent.class,
                    TranslationEvent.class)
            .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
            .map(Class::getSimpleName)
            .sorted()
            .toList();

    private static final ObjectMapper JSON = CpmJson.objectMapper();

    private CloudEvents() {}

    public static String envelope(TrackedEventMessage<?> event, long position, String source) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", event.getIdentifier());
        envelope.put("source", source);
        envelope.put("type", TYPE_PREFIX + event.getPayloadType().getSimpleName());
        envelope.put("time", event.getTimestamp().toString());
        if (event instanceof DomainEventMessage<?> domain) {
            envelope.put("subject", domain.getAggregateIdentifier());
            envelope.put("cpmsequence", domain.getSequenceNumber());
        }
        envelope.put("cpmposition", position);
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", JSON.valueToTree(event.getPayload()));
        return envelope.toString();
    }
}
