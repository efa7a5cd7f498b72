package org.ippc.cpm.domain.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Shape checks for message records; a shape error is a bad request, not a rule of the Commission. */
public final class Validation {

    public static final int MAX_TEXT = 20_000;
    /** The largest amount in US dollars one command may carry; the read models sum 100,000 of them without overflow. */
    public static final BigDecimal MAX_AMOUNT_USD = new BigDecimal("1000000000000");

    public static final int AMOUNT_DECIMALS = 2;
    /** Dates the Commission can mean: from its first session's era to far beyond any plan. */
    public static final Instant EARLIEST = Instant.parse("1950-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("2199-12-31T23:59:59Z");

    /** An identifier a person chooses (a programme, an expert, a decision): at most this long, of {@link #IDENTIFIER}. */
    public static final int MAX_IDENTIFIER = 100;

    public static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._/-]*";

    private static final java.util.regex.Pattern IDENTIFIER_PATTERN = java.util.regex.Pattern.compile(IDENTIFIER);

    private Validation() {}

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, field + " must not be blank");
        }
        return requireStorableText(value, field);
    }

    /** Text of any length up to {@link #MAX_TEXT}, without control characters (but tab and line breaks) or broken surrogates. */
    public static String requireStorableText(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidValue(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidValue(
                        field, "%s must not contain control characters (U+%04X at %d)".formatted(field, (int) c, i));
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new InvalidValue(
                            field, "%s must be valid Unicode (a lone surrogate at %d)".formatted(field, i));
                }
                i++;
            }
        }
        return value;
    }

    /** An identifier of {@code type}: 1 to {@link #MAX_IDENTIFIER} letters, digits, '.', '_', '/' or '-', a letter or digit first. */
    public static String requireIdentifier(String value, String type) {
        requireText(value, type);
        if (value.length() > MAX_IDENTIFIER
                || !IDENTIFIER_PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("%s must be 1-%d letters, digits, '.', '_', '/' or '-', was %s"
                    .formatted(type, MAX_IDENTIFIER, value));
        }
        return value;
    }

    /** A positive amount in US dollars: at most {@link #AMOUNT_DECIMALS} decimals and at most {@link #MAX_AMOUNT_USD}. */
    public static BigDecimal requireAmount(BigDecimal value, String field) {
        requireValue(value, field);
        if (value.signum() <= 0) {
            throw new InvalidValue(field, field + " must be positive");
        }
        if (value.compareTo(MAX_AMOUNT_USD) > 0) {
            throw new InvalidValue(field, field + " must be at most " + MAX_AMOUNT_USD.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > AMOUNT_DECIMALS) {
            throw new InvalidValue(field, field + " must have at most " + AMOUNT_DECIMALS + " decimals (cents)");
        }
        return value;
    }

    /** An instant between {@link #EARLIEST} and {@link #LATEST}. */
    public static Instant requireDate(Instant value, String field) {
        requireValue(value, field);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidValue(field, "%s must be between %s and %s".formatted(field, EARLIEST, LATEST));
        }
        return value;
    }

    public static <T> T requireValue(T value, String field) {
        if (value == null) {
            throw new InvalidValue(field, field + " is required");
        }
        return value;
    }

    public static <T> List<T> copyOf(Collection<T> values, String field) {
        if (values == null) {
            throw new InvalidValue(field, field + " is required");
        }
        return List.copyOf(values);
    }
}
