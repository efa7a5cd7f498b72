package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An adviser appointed to a programme (D1). */
public record ExpertId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ExpertId {
        Validation.requireIdentifier(value, "ExpertId");
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
