package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A numbered CPM decision, e.g. {@code CPM-9/4}. */
public record DecisionId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DecisionId {
        Validation.requireText(value, "DecisionId");
        if (value.length() > 100 || !value.matches("[A-Za-z0-9][A-Za-z0-9._/-]*")) {
            throw new IllegalArgumentException(
                    "DecisionId must be 1-100 letters, digits, '.', '_', '/' or '-', was " + value);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
