package org.ippc.cpm.command.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Took-Place-On} header: the day a decision was taken when it is recorded later (a session's decisions
 * entered after the session, say). It is kept beside the recording time, which stays the truth of when the engine
 * learnt of it; it cannot lie ahead of today anywhere on Earth (UTC+14).
 */
final class TookPlaceOn {

    static final String HEADER = "Took-Place-On";
    static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final ZoneOffset EARLIEST_TIME_ZONE = ZoneOffset.ofHours(14);

    private TookPlaceOn() {}

    static Optional<LocalDate> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            if (!DATE.matcher(header.trim()).matches()) {
                throw new DateTimeParseException("not yyyy-mm-dd", header, 0);
            }
            day = LocalDate.parse(header.trim());
        } catch (DateTimeParseException malformed) {
            throw refused("Took-Place-On must be a date, e.g. 2015-03-18", "a date, yyyy-mm-dd");
        }
        if (day.isAfter(LocalDate.now(EARLIEST_TIME_ZONE))) {
            throw refused("Took-Place-On cannot be a day that has not begun yet", "today or earlier");
        }
        return Optional.of(day);
    }

    private static BadRequest refused(String detail, String expected) {
        return new BadRequest(detail, List.of(FieldFault.header(HEADER, expected)));
    }
}
