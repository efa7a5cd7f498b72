package org.ippc.cpm.query.audit;

import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.ippc.cpm.eventstore.StoredEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The auditor's tools read the event table directly (with its hash links); a row goes through the same upcasters as
 * Axon's reads, so that every event shows in the shape of its latest revision.
 */
@Component
class Upcasting {

    private final Serializer serializer;
    private final EventUpcaster upcasters;

    Upcasting(@Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
    }

    /** One stored event as the upcasters leave it (each of this engine's upcasters keeps one event one event). */
    IntermediateEventRepresentation latest(StoredEvent event) {
        return upcasters
                .upcast(Stream.of(new InitialEventRepresentation(event.asEntry(), serializer)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("an upcaster dropped event " + event.eventId()));
    }

    Serializer serializer() {
        return serializer;
    }
}
