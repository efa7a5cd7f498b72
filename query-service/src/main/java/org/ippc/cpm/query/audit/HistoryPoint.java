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
 * lie within the point ({@link StateSnapshots}).
 */
public record HistoryPoint(
        String given, Predicate<DomainEventMessage<?>> includes, String snapshotCondition, long snapshotBound) {

    public static HistoryPoint recordedBy(Instant instant) {
        return new HistoryPoint(
                instant.toString(),
                event -> !event.getTimestamp().isAfter(instant),
                "max_recorded_nanos <= ?",
                nanos(instant));
    }

    static HistoryPoint tookPlaceBy(LocalDate day) {
        return new HistoryPoint(
                day.toString(),
                event -> !EventMetadata.tookPlaceOn(event).isAfter(day),
                "max_took_place_day <= ?",
                day.toEpochDay());
    }

    public static HistoryPoint version(long version) {
        return new HistoryPoint(
                "version " + version, event -> event.getSequenceNumber() <= version, "sequence_number <= ?", version);
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
