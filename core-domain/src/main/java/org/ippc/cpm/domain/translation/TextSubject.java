package org.ippc.cpm.domain.translation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Validation;

/**
 * What translated texts belong to: {@code programme:<programme id>} or {@code decision:<decision id>}. An identifier
 * has no colon, so a subject never names another aggregate of the store.
 */
public record TextSubject(String value) {

    /** The shape of a subject (the OpenAPI document states it too). */
    public static final String SHAPE = "(programme|decision):" + Validation.IDENTIFIER;

    private static final String PROGRAMME = "programme:";
    private static final String DECISION = "decision:";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TextSubject {
        if (value == null || !(value.startsWith(PROGRAMME) || value.startsWith(DECISION))) {
            throw new IllegalArgumentException(
                    "subject must be programme:<programme id> or decision:<decision id>, was " + value);
        }
        Validation.requireIdentifier(value.substring(value.indexOf(':') + 1), "subject's identifier");
    }

    public static TextSubject of(ProgrammeId programme) {
        return new TextSubject(PROGRAMME + programme.value());
    }

    public static TextSubject of(DecisionId decision) {
        return new TextSubject(DECISION + decision.value());
    }

    public boolean isProgramme() {
        return value.startsWith(PROGRAMME);
    }

    /** The programme's or decision's own identifier. */
    public String identifier() {
        return value.substring(value.indexOf(':') + 1);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
