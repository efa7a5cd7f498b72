package org.ippc.cpm.domain.shared;

/** A message field with a value of the wrong shape: a bad request, naming the field (and, through {@link RequiredBy}, the rule). */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
