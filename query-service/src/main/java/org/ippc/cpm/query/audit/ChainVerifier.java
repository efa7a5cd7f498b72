package org.ippc.cpm.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.ippc.cpm.eventstore.EventHash;
import org.ippc.cpm.eventstore.StoredEvent;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.eventstore.StoredRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every stored event in chain order and recomputes its link (ADR 0005): an edited row no longer matches its
 * hash, a deleted one leaves a gap in its aggregate's sequence or a hash without an event.
 */
@Component
class ChainVerifier {

    private static final int MAX_REPORTED = 100;

    private final StoredEvents store;

    ChainVerifier(StoredEvents store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Walk walk = new Walk();
        store.byAggregate(walk::row);
        walk.endOfAggregate();
        store.linksWithoutEvents()
                .forEach(link -> walk.broken.add(new ChainVerification.ChainBreak(
                        null,
                        link.eventId(),
                        link.aggregateId(),
                        link.sequenceNumber(),
                        "the event this hash was computed for is missing from the store")));
        List<ChainVerification.ChainBreak> broken = walk.broken.stream()
                .sorted(Comparator.comparing(
                        ChainVerification.ChainBreak::globalIndex, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new ChainVerification(
                broken.isEmpty(),
                walk.events,
                walk.aggregates,
                broken.isEmpty() ? null : broken.get(0),
                broken.subList(0, Math.min(broken.size(), MAX_REPORTED)),
                HexFormat.of().formatHex(walk.root.digest()));
    }

    private static final class Walk {
        final List<ChainVerification.ChainBreak> broken = new ArrayList<>();
        final MessageDigest root = EventHash.sha256();
        long events;
        long aggregates;
        String aggregate;
        String head;
        long expectedSequence;

        void row(StoredRow row) {
            StoredEvent event = row.event();
            long globalIndex = row.globalIndex();
            if (!event.aggregateId().equals(aggregate)) {
                endOfAggregate();
                aggregate = event.aggregateId();
                head = EventHash.GENESIS;
                expectedSequence = 0;
                aggregates++;
            }
            events++;
            String previousHash = row.previousHash();
            String storedHash = row.hash();
            if (event.sequenceNumber() != expectedSequence) {
                fail(
                        globalIndex,
                        event,
                        "events %d to %d of this aggregate are missing"
                                .formatted(expectedSequence, event.sequenceNumber() - 1));
            } else if (storedHash == null) {
                fail(globalIndex, event, "the event has no hash: it was not appended through the engine");
            } else if (!previousHash.equals(head)) {
                fail(globalIndex, event, "the link to the previous event does not match its hash");
            } else if (!EventHash.of(previousHash, event).equals(storedHash)) {
                fail(
                        globalIndex,
                        event,
                        "the stored event does not match its hash: it was altered after it was appended");
            }
            head = storedHash == null ? head : storedHash;
            expectedSequence = event.sequenceNumber() + 1;
        }

        void endOfAggregate() {
            if (aggregate != null) {
                root.update((aggregate + ":" + head + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        private void fail(long globalIndex, StoredEvent event, String problem) {
            broken.add(new ChainVerification.ChainBreak(
                    globalIndex, event.eventId(), event.aggregateId(), event.sequenceNumber(), problem));
        }
    }
}
