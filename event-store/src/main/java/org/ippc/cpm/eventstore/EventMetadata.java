package org.ippc.cpm.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.ippc.cpm.domain.shared.ApiName;

/** The metadata every stored event carries besides Axon's own ({@code traceId}, {@code correlationId}). */
public final class EventMetadata {

    /**
     * The name of the command that produced the event as the API names it, e.g. {@code selectPriority}: the decision
     * log's "command". Events stored before 2026-11-30 name it as its record, {@code SelectPriority}.
     */
    public static final String COMMAND = "cpm.command";

    /**
     * The day the decision was taken, as the command's {@code Took-Place-On} header gave it (ISO date), when it was
     * recorded later; absent otherwise. The recording time stays the truth of when the engine learnt of it.
     */
    public static final String TOOK_PLACE_ON = "cpm.tookPlaceOn";

    private EventMetadata() {}

    /**
     * The day an event took place: its {@link #TOOK_PLACE_ON} ({@code given}, the metadata's value or null), else the
     * day (UTC) it was recorded. Every view of "took place" (the decision log, the board, the history, the export, the
     * as-of by day) uses this one.
     */
    public static LocalDate tookPlaceOn(EventMessage<?> event) {
        return tookPlaceOn(event.getMetaData().get(TOOK_PLACE_ON), event.getTimestamp());
    }

    /** The same for a stored row read without Axon: {@code given} is its metadata's value, or null. */
    public static LocalDate tookPlaceOn(Object given, Instant recordedAt) {
        return given != null
                ? LocalDate.parse(given.toString())
                : recordedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The API's name of the command an event's metadata names, whichever way it was stored; null if none. */
    public static String command(Object stored) {
        if (stored == null) {
            return null;
        }
        return ApiName.of(stored.toString());
    }
}
