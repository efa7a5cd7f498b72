package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** An annual CPM session, {@code CPM-<number>}; session n is held in year 2005 + n (S1). */
public record SessionId(String value) implements Comparable<SessionId> {

    /** The shape of a session id (the OpenAPI document states it too). */
    public static final String SHAPE = "CPM-([1-9][0-9]{0,3})";

    private static final Pattern PATTERN = Pattern.compile(SHAPE);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SessionId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("session id must look like CPM-10, was " + value);
        }
    }

    public static SessionId of(int number) {
        return new SessionId("CPM-" + number);
    }

    public int number() {
        return Integer.parseInt(value.substring(4));
    }

    public int year() {
        return 2005 + number();
    }

    public SessionId previous() {
        return of(number() - 1);
    }

    public SessionId next() {
        return of(number() + 1);
    }

    public boolean isLaterThan(SessionId other) {
        return number() > other.number();
    }

    @Override
    public int compareTo(SessionId other) {
        return Integer.compare(number(), other.number());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
