package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One implementation programme, from its proposal to its closure. */
public record ProgrammeId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProgrammeId {
        Validation.requireIdentifier(value, "ProgrammeId");
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
