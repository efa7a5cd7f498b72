package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of every event recorded its actor as {@code {role, id}}, the id being the party's code for a contracting
 * party or an RPPO and the person otherwise. Revision 2 records the person always and the party apart: an event of
 * revision 1 reads with its id as the party (and the person {@link Actor#PERSON_NOT_RECORDED}) or as the person.
 */
public final class PersonAndPartyUpcaster extends SingleEventUpcaster {

    public static final String FROM = "1";
    public static final String TO = "2";
    private static final String EVENTS = "org.ippc.cpm.domain.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return FROM.equals(representation.getType().getRevision())
                && representation.getType().getName().startsWith(EVENTS);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), TO),
                JsonNode.class,
                PersonAndPartyUpcaster::upcast);
    }

    /** The payload of revision 1 as revision 2 writes it; also for readers of the table that go around Axon. */
    public static JsonNode upcast(JsonNode payload) {
        if (payload.get("actor") instanceof ObjectNode actor && actor.has("id")) {
            String id = actor.remove("id").asText();
            if (Role.valueOf(actor.path("role").asText()).actsForParty()) {
                actor.put("person", Actor.PERSON_NOT_RECORDED);
                actor.put("party", id);
            } else {
                actor.put("person", id);
            }
        }
        return payload;
    }
}
