package org.ippc.cpm.query.admin;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.ippc.cpm.domain.shared.Nullable;

/** A dead letter as the API shows it: which event, of which aggregate, failed why, since when. */
record DeadLetterView(
        String eventId,
        String eventType,
        @Nullable String aggregateId,
        @Nullable Long sequenceNumber,
        @Nullable String cause,
        Instant enqueuedAt,
        Instant lastTouched) {

    static DeadLetterView of(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        boolean domain = event instanceof DomainEventMessage<?>;
        return new DeadLetterView(
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                domain ? ((DomainEventMessage<?>) event).getAggregateIdentifier() : null,
                domain ? ((DomainEventMessage<?>) event).getSequenceNumber() : null,
                letter.cause()
                        .map(cause -> cause.type() + ": " + cause.message())
                        .orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }
}
