package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An adviser appointed to a programme (D1). */
public record ExpertId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ExpertId {
        Validation.requireText(value, "ExpertId");
        if (value.length() > 100 || !value.matches("[A-Za-z0-9][A-Za-z0-9._/-]*")) {
            throw new IllegalArgumentException(
                    "ExpertId must be 1-100 letters, digits, '.', '_', '/' or '-', was " + value);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
