package org.ippc.cpm.projection.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.projection.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the read models stand against the event store, read from the shared token store (not from this node's
 * processor), so that every node reports the same; exported as the gauges {@code cpm.read_models.lag} and
 * {@code cpm.read_models.dead_letters} (events).
 */
@Component
public class ReadModelPosition {

    private final JdbcTemplate jdbc;
    private final StoredEvents store;
    private final Serializer serializer;

    ReadModelPosition(JdbcTemplate jdbc, StoredEvents store, Serializer serializer, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.store = store;
        this.serializer = serializer;
        Gauge.builder("cpm.read_models.lag", this, ReadModelPosition::lag)
                .description("Events in the store that the read models have not handled yet")
                .baseUnit("events")
                .register(meters);
        Gauge.builder("cpm.read_models.dead_letters", this, ReadModelPosition::deadLetters)
                .description("Events the read models could not handle, waiting in the dead-letter queue")
                .baseUnit("events")
                .register(meters);
    }

    /** Events in the store that the read models have not handled yet. */
    public long lag() {
        return Math.max(0, head() - position());
    }

    /** Events in the read models' dead-letter queue (each blocks its aggregate's later events until retried). */
    public long deadLetters() {
        Long letters = jdbc.queryForObject(
                "SELECT COUNT(*) FROM deadletterentry WHERE processinggroup = ?",
                Long.class,
                ReadModels.PROCESSING_GROUP);
        return letters == null ? 0 : letters;
    }

    long head() {
        return store.head();
    }

    /** The global index of the last event handled by every segment of the read-models processor (-1: none). */
    long position() {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, i) -> rs.getBytes(1) == null
                        ? null
                        : serializer.<byte[], TrackingToken>deserialize(
                                new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                ReadModels.PROCESSING_GROUP);
        return tokens.stream()
                .mapToLong(t -> t == null ? -1 : t.position().orElse(-1))
                .min()
                .orElse(-1);
    }
}
