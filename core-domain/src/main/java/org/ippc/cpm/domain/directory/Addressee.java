package org.ippc.cpm.domain.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ippc.cpm.domain.shared.Body;

/**
 * Whom the process owes a notice: a contracting party or an RPPO by its code ({@code NZ}, {@code EPPO}) or a CPM body
 * by its name ({@code SPG}, {@code FINANCE_COMMITTEE}, {@code BUREAU}, {@code SECRETARIAT}).
 */
public record Addressee(String value) {

    /** The shape of an addressee (the OpenAPI document states it too). */
    public static final String SHAPE = "[A-Z][A-Z0-9_]{1,39}";

    private static final Pattern PATTERN = Pattern.compile(SHAPE);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Addressee {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "addressee must be a party's or RPPO's code (NZ, EPPO) or a body (SPG), was " + value);
        }
    }

    public static Addressee of(Body body) {
        return new Addressee(body.name());
    }

    /** The CPM body this addressee names, if it names one. */
    public Optional<Body> body() {
        return Arrays.stream(Body.values())
                .filter(body -> body.name().equals(value))
                .findFirst();
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
