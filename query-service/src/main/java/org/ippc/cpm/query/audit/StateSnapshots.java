package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import org.ippc.cpm.domain.shared.CpmJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An aggregate's state after every {@code every}th event ({@code cpm.audit.snapshot-every}, 20), written the first
 * time an as-of replays past it and read by every later one, so that an as-of replays at most {@code every - 1} events. A snapshot is used only by the domain
 * code that made it ({@link #model}) and only for a point that includes every event it covers; it is a copy of what
 * the store's events give, in a table any node may fill (a duplicate from another node is ignored) and anyone may
 * empty.
 */
@Component
class StateSnapshots {

    /** An aggregate's fields as they are: aggregates have no getters, and their state is all in fields. */
    private static final ObjectMapper FIELDS = CpmJson.objectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final JdbcTemplate jdbc;
    private final int every;
    private final String model = digestOfTheDomain();

    StateSnapshots(JdbcTemplate jdbc, @Value("${cpm.audit.snapshot-every:20}") int every) {
        this.jdbc = jdbc;
        this.every = every;
    }

    /** How many events lie between two snapshots: as many as an as-of may have to replay after one (less one). */
    int every() {
        return every;
    }

    /** Whether the state after this event is one to keep. */
    boolean keepsAfter(long sequence) {
        return (sequence + 1) % every == 0;
    }

    /** The aggregate's state after an event (as JSON), with what the point of an as-of must include to use it. */
    record Snapshot(
            String storedType,
            long sequence,
            Instant lastEventAt,
            long maxRecordedNanos,
            long maxTookPlaceDay,
            byte[] state) {}

    /** The latest snapshot whose events all lie within the point, if any. */
    Optional<Snapshot> latestWithin(String aggregateId, HistoryPoint point) {
        return jdbc
                .query(
                        """
                        SELECT aggregate_type, sequence_number, last_event_at, max_recorded_nanos, max_took_place_day,
                            state
                        FROM state_snapshot WHERE aggregate_id = ? AND model = ? AND %s
                        ORDER BY sequence_number DESC LIMIT 1""".formatted(point.snapshotCondition()),
                        (rs, i) -> new Snapshot(
                                rs.getString(1),
                                rs.getLong(2),
                                Instant.parse(rs.getString(3)),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getBytes(6)),
                        aggregateId,
                        model,
                        point.snapshotBound())
                .stream()
                .findFirst();
    }

    Object restore(Snapshot snapshot, Class<?> type) {
        return read(snapshot.state(), type);
    }

    void save(
            String aggregateId,
            String storedType,
            long sequence,
            Instant lastEventAt,
            long maxRecordedNanos,
            long maxTookPlaceDay,
            Object aggregate) {
        byte[] state;
        try {
            state = FIELDS.writeValueAsBytes(aggregate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            jdbc.update(
                    """
                    INSERT INTO state_snapshot (aggregate_id, sequence_number, aggregate_type, model, last_event_at,
                        max_recorded_nanos, max_took_place_day, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    aggregateId,
                    sequence,
                    storedType,
                    model,
                    lastEventAt.toString(),
                    maxRecordedNanos,
                    maxTookPlaceDay,
                    state);
        } catch (DuplicateKeyException anotherAsOfWroteItFirst) {
            // The same state from the same events and code.
        }
    }

    private static Object read(byte[] state, Class<?> type) {
        try {
            return FIELDS.readValue(state, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of every class of the domain: a change to an aggregate or an upcaster makes new snapshots. */
    private static String digestOfTheDomain() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] classes =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:org/ippc/cpm/domain/**/*.class");
            Arrays.sort(classes, Comparator.comparing(StateSnapshots::path));
            for (Resource type : classes) {
                digest.update(path(type).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream bytes = type.getInputStream()) {
                    digest.update(bytes.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(Resource type) {
        try {
            String url = type.getURL().toString();
            return url.substring(url.indexOf("org/ippc/cpm/domain/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
