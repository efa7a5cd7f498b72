package org.ippc.cpm.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Takes and verifies {@link Checkpoint}s of the event store's hash chains. */
@Component
class Checkpoints {

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;

    Checkpoints(DataSource dataSource, @Value("${cpm.audit.checkpoint-key}") String key) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Transactional(readOnly = true)
    public Checkpoint take() {
        List<Checkpoint.ChainHead> heads =
                jdbc.query("""
                SELECT h.aggregate_id, h.sequence_number, h.hash FROM event_hash h
                JOIN (SELECT aggregate_id, MAX(sequence_number) AS head FROM event_hash GROUP BY aggregate_id) last
                  ON last.aggregate_id = h.aggregate_id AND last.head = h.sequence_number
                ORDER BY h.aggregate_id""", (rs, i) -> new Checkpoint.ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3)));
        long events =
                heads.stream().mapToLong(head -> head.sequenceNumber() + 1).sum();
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Checkpoint(takenAt, events, heads, sign(takenAt, events, heads));
    }

    @Transactional(readOnly = true)
    public CheckpointVerification verify(Checkpoint checkpoint) {
        boolean signed = checkpoint.takenAt() != null
                && checkpoint.heads() != null
                && checkpoint.signature() != null
                && MessageDigest.isEqual(
                        sign(checkpoint.takenAt(), checkpoint.events(), checkpoint.heads())
                                .getBytes(StandardCharsets.UTF_8),
                        checkpoint.signature().getBytes(StandardCharsets.UTF_8));
        if (!signed) {
            return new CheckpointVerification(false, false, List.of("the checkpoint was not signed by this engine"));
        }
        Map<String, Long> headsNow = jdbc.query("""
                        SELECT h.aggregate_id, MAX(h.sequence_number) FROM event_hash h
                        JOIN domainevententry e ON e.eventidentifier = h.event_id GROUP BY h.aggregate_id""", (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> problems = new ArrayList<>();
        for (Checkpoint.ChainHead head : checkpoint.heads()) {
            Long now = headsNow.get(head.aggregateId());
            List<String> hashNow = jdbc.queryForList("""
                    SELECT h.hash FROM event_hash h JOIN domainevententry e ON e.eventidentifier = h.event_id
                    WHERE h.aggregate_id = ? AND h.sequence_number = ?""", String.class, head.aggregateId(), head.sequenceNumber());
            if (now == null) {
                problems.add("%s: the checkpoint saw events 0 to %d; none is in the store now"
                        .formatted(head.aggregateId(), head.sequenceNumber()));
            } else if (now < head.sequenceNumber()) {
                problems.add("%s: the checkpoint saw events 0 to %d; the store now ends at %d"
                        .formatted(head.aggregateId(), head.sequenceNumber(), now));
            } else if (hashNow.isEmpty() || !hashNow.get(0).equals(head.hash())) {
                problems.add("%s: event %d is not the one the checkpoint saw"
                        .formatted(head.aggregateId(), head.sequenceNumber()));
            }
        }
        return new CheckpointVerification(true, problems.isEmpty(), problems);
    }

    private String sign(Instant takenAt, long events, List<Checkpoint.ChainHead> heads) {
        StringBuilder text = new StringBuilder("cpm-checkpoint\n" + takenAt + "\n" + events + "\n");
        heads.forEach(head -> text.append(head.aggregateId())
                .append(':')
                .append(head.sequenceNumber())
                .append(':')
                .append(head.hash())
                .append('\n'));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
