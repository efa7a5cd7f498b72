package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One implementation programme, from its proposal to its closure. */
public record ProgrammeId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProgrammeId {
        Validation.requireText(value, "ProgrammeId");
        if (value.length() > 100 || !value.matches("[A-Za-z0-9][A-Za-z0-9._/-]*")) {
            throw new IllegalArgumentException(
                    "ProgrammeId must be 1-100 letters, digits, '.', '_', '/' or '-', was " + value);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
