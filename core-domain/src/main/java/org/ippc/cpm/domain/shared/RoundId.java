package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The prioritisation round feeding one CPM session; there is one per session, so its id is derived from it. */
public record RoundId(String value) {

    private static final String PREFIX = "ROUND-";

    /** The shape of a round id (the OpenAPI document states it too). */
    public static final String SHAPE = PREFIX + SessionId.SHAPE;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RoundId {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("round id must look like ROUND-CPM-10, was " + value);
        }
        new SessionId(value.substring(PREFIX.length()));
    }

    public static RoundId forSession(SessionId session) {
        return new RoundId(PREFIX + session.value());
    }

    public SessionId session() {
        return new SessionId(value.substring(PREFIX.length()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
