package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A numbered CPM decision, e.g. {@code CPM-9/4}. */
public record DecisionId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DecisionId {
        Validation.requireIdentifier(value, "DecisionId");
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
