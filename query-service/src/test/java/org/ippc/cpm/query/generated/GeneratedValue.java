package org.ippc.cpm.query.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.ippc.cpm.domain.shared.Validation;

/**
 * Values generated from the domain's own limits ({@link Validation}): text of every Unicode plane, emoji, bidi
 * overrides, combining marks, control characters and lone surrogates, at and just past the longest text; amounts at
 * and just past the smallest and largest, with one decimal too many, fractions where an integer belongs.
 */
final class GeneratedValue {

    private GeneratedValue() {}

    /** A value of the type the body has at {@code path}: text for text, a number for a number. */
    static Arbitrary<JsonNode> like(JsonNode body, String path) {
        JsonNode node = body;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            node = bracket < 0
                    ? node.get(step)
                    : node.get(step.substring(0, bracket))
                            .get(Integer.parseInt(step.substring(bracket + 1, step.indexOf(']'))));
        }
        return node.isNumber() ? numbers().map(DecimalNode::valueOf) : texts().map(TextNode::valueOf);
    }

    static Arbitrary<String> texts() {
        Arbitrary<Integer> character = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0xA0, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFD)),
                // Right-to-left and other bidi overrides, combining marks, joiners, a byte-order mark.
                Tuple.of(2, Arbitraries.of(0x202E, 0x202D, 0x2066, 0x2069, 0x200F, 0x0301, 0x0327, 0x200D, 0xFEFF)));
        Arbitrary<String> short_ = character.list().ofMaxSize(40).map(GeneratedValue::text);
        Arbitrary<String> atTheLimit = Combinators.combine(
                        character,
                        Arbitraries.of(Validation.MAX_TEXT - 1, Validation.MAX_TEXT, Validation.MAX_TEXT + 1))
                .as(GeneratedValue::fill);
        // Refused by the domain: a control character (but tab and line breaks) anywhere, a lone surrogate.
        Arbitrary<String> withControl = Combinators.combine(
                        short_,
                        Arbitraries.of(0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9F),
                        Arbitraries.integers().between(0, 40))
                .as((text, control, at) -> new StringBuilder(text)
                        .insert(Math.min(at, text.length()), Character.toChars(control))
                        .toString());
        Arbitrary<String> loneSurrogate = Arbitraries.of("a\uD800b", "\uDC00", "x\uDBFF");
        return Arbitraries.frequencyOf(
                Tuple.of(8, short_), Tuple.of(2, atTheLimit), Tuple.of(1, withControl), Tuple.of(1, loneSurrogate));
    }

    static Arbitrary<BigDecimal> numbers() {
        BigDecimal largest = Validation.MAX_AMOUNT_USD;
        BigDecimal cent = new BigDecimal("0.01");
        Arbitrary<BigDecimal> edges = Arbitraries.of(List.of(
                cent,
                largest,
                largest.add(cent),
                new BigDecimal("0.001"),
                BigDecimal.ZERO,
                new BigDecimal("-1"),
                new BigDecimal("1E+18"),
                new BigDecimal("2622.5"),
                new BigDecimal("3")));
        Arbitrary<BigDecimal> between =
                Arbitraries.bigDecimals().between(cent, largest).ofScale(2);
        return Arbitraries.oneOf(edges, between);
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** {@code units} UTF-16 units of the character (an odd one left over is an 'a'). */
    private static String fill(int codePoint, int units) {
        String one = new String(Character.toChars(codePoint));
        StringBuilder text = new StringBuilder(one.repeat(units / one.length()));
        while (text.length() < units) {
            text.append('a');
        }
        return text.toString();
    }

    /** How a value reads in a report: long text by its length and first character. */
    static String describe(JsonNode value) {
        if (value.isTextual() && value.textValue().length() > 60) {
            String text = value.textValue();
            return "%d units of U+%04X...".formatted(text.length(), text.codePointAt(0));
        }
        return value.toString();
    }
}
