package org.ippc.cpm.command.api;

import java.util.List;

/** A request that is malformed or has the wrong shape (400), with the fields at fault. */
public class BadRequest extends RuntimeException {

    private final List<FieldError> fields;

    BadRequest(String message, List<FieldError> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    public BadRequest(String message) {
        this(message, List.of());
    }

    List<FieldError> fields() {
        return fields;
    }

    record FieldError(String field, String message) {
    }
}
