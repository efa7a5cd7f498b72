package org.ippc.cpm.domain.shared;

import java.util.Collection;
import java.util.List;

/** Shape checks for message records; a shape error is a bad request, not a rule of the Commission. */
public final class Validation {

    public static final int MAX_TEXT = 20_000;

    private Validation() {
    }

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    public static <T> T requireValue(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static <T> List<T> copyOf(Collection<T> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return List.copyOf(values);
    }
}
