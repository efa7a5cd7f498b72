package org.ippc.cpm.command.api;

import java.util.List;

/** A request that is malformed or has the wrong shape (400), with the fields at fault and the rule that requires them. */
public class BadRequest extends RuntimeException {

    private final List<FieldFault> fields;
    private final String rule;

    BadRequest(String message, List<FieldFault> fields, String rule) {
        super(message);
        this.fields = List.copyOf(fields);
        this.rule = rule;
    }

    BadRequest(String message, List<FieldFault> fields) {
        this(message, fields, null);
    }

    public BadRequest(String message) {
        this(message, List.of());
    }

    List<FieldFault> fields() {
        return fields;
    }

    String rule() {
        return rule;
    }
}
