package org.ippc.cpm.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.ippc.cpm.domain.history.EventHash;
import org.ippc.cpm.domain.history.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every stored event in chain order and recomputes its link (ADR 0005): an edited row no longer matches its
 * hash, a deleted one leaves a gap in its aggregate's sequence or a hash without an event.
 */
@Component
class ChainVerifier {

    private static final int MAX_REPORTED = 100;

    private final JdbcTemplate jdbc;

    ChainVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Walk walk = new Walk();
        jdbc.query("""
                SELECT e.globalindex, e.eventidentifier, e.aggregateidentifier, e.sequencenumber, e.type, e.timestamp,
                       e.payloadtype, e.payloadrevision, e.payload, e.metadata, h.previous_hash, h.hash
                FROM domainevententry e LEFT JOIN event_hash h ON h.event_id = e.eventidentifier
                ORDER BY e.aggregateidentifier, e.sequencenumber""", walk::row);
        walk.endOfAggregate();
        jdbc.query("""
                SELECT h.event_id, h.aggregate_id, h.sequence_number FROM event_hash h
                LEFT JOIN domainevententry e ON e.eventidentifier = h.event_id WHERE e.eventidentifier IS NULL""", rs -> {
            walk.broken.add(new ChainVerification.ChainBreak(
                    null,
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    "the event this hash was computed for is missing from the store"));
        });
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

        void row(ResultSet rs) throws SQLException {
            StoredEvent event = new StoredEvent(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getBytes(9),
                    rs.getBytes(10));
            long globalIndex = rs.getLong(1);
            if (!event.aggregateId().equals(aggregate)) {
                endOfAggregate();
                aggregate = event.aggregateId();
                head = EventHash.GENESIS;
                expectedSequence = 0;
                aggregates++;
            }
            events++;
            String previousHash = rs.getString(11);
            String storedHash = rs.getString(12);
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
