package org.ippc.cpm.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.ippc.cpm.eventstore.EventMetadata;

/**
 * A point in an aggregate's history: its events up to that point, a prefix of its stream. By recording time (an
 * instant, or when a session opened or closed), by the day the events took place (their {@code Took-Place-On}, else
 * their recording day in UTC), or by version. {@code snapshotCondition} selects the state snapshots whose events all
 * lie within the point ({@link StateSnapshots}). {@code lastSequence} is the last event the point can include, where
 * the point says (a version), else {@link Long#MAX_VALUE}.
 */
public record HistoryPoint(
        String given,
        Predicate<DomainEventMessage<?>> includes,
        String snapshotCondition,
        long snapshotBound,
        long lastSequence) {

    public static HistoryPoint recordedBy(Instant instant) {
        return new HistoryPoint(
                instant.toString(),
                event -> !event.getTimestamp().isAfter(instant),
                "max_recorded_nanos <= ?",
                nanos(instant),
                Long.MAX_VALUE);
    }

    static HistoryPoint tookPlaceBy(LocalDate day) {
        return new HistoryPoint(
                day.toString(),
                event -> !EventMetadata.tookPlaceOn(event).isAfter(day),
                "max_took_place_day <= ?",
                day.toEpochDay(),
                Long.MAX_VALUE);
    }

    public static HistoryPoint version(long version) {
        return new HistoryPoint(
                "version " + version,
                event -> event.getSequenceNumber() <= version,
                "sequence_number <= ?",
                version,
                version);
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
