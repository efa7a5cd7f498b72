package org.ippc.cpm.query.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Objects;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.ippc.cpm.eventstore.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * Stored events decoded (upcast to their latest revision, then deserialized), remembered by event id together with
 * the bytes they were decoded from: a history is read from the store every time, and a row whose bytes, type and
 * revision are the ones remembered decodes to what was remembered, so only a row seen for the first time, or changed
 * in the table since, is decoded again. Bounded by the bytes remembered ({@code MAX_BYTES}).
 */
@Component
class DecodedEvents {

    private static final long MAX_BYTES = 32L << 20;

    /** An event as decoded, with what it was decoded from. */
    record Decoded(String payloadType, String revision, byte[] payload, byte[] metadata, Object value, MetaData meta) {

        boolean decodes(StoredEvent row) {
            return Objects.equals(payloadType, row.payloadType())
                    && Objects.equals(revision, row.payloadRevision())
                    && Arrays.equals(payload, row.payload())
                    && Arrays.equals(metadata, row.metadata());
        }
    }

    private final Upcasting upcasting;
    private final Cache<String, Decoded> decoded = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String id, Decoded d) -> 2 * (d.payload().length + d.metadata().length) + 256)
            .executor(Runnable::run)
            .build();

    DecodedEvents(Upcasting upcasting) {
        this.upcasting = upcasting;
    }

    Decoded of(StoredEvent row) {
        Decoded known = decoded.getIfPresent(row.eventId());
        if (known != null && known.decodes(row)) {
            return known;
        }
        IntermediateEventRepresentation event = upcasting.latest(row);
        Decoded fresh = new Decoded(
                row.payloadType(),
                row.payloadRevision(),
                row.payload(),
                row.metadata(),
                upcasting.serializer().deserialize(event.getData()),
                event.getMetaData().getObject());
        decoded.put(row.eventId(), fresh);
        return fresh;
    }
}
