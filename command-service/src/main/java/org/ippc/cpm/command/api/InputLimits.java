package org.ippc.cpm.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.shared.Validation;

/**
 * The limits every value of a command body keeps, checked on the JSON before it becomes a command: whatever the API
 * accepts, the event store and every read model can store. Text: at most {@link Validation#MAX_TEXT} characters, no
 * control characters but tab and line breaks; numbers: at most two decimals and at most
 * {@link Validation#MAX_AMOUNT_USD} in size. The domain checks the same for the fields it knows.
 */
final class InputLimits {

    private InputLimits() {}

    /** Refuses the body with every value at fault named by its path. */
    static void check(JsonNode body) {
        List<FieldFault> errors = new ArrayList<>();
        check(body, "$", errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(
                    "A value is beyond what the engine stores: " + errors.get(0).path() + " "
                            + errors.get(0).message(),
                    errors);
        }
    }

    private static void check(JsonNode node, String path, List<FieldFault> errors) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                check(field.getValue(), path + "." + field.getKey(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isTextual()) {
            try {
                Validation.requireStorableText(node.textValue(), "");
            } catch (IllegalArgumentException invalid) {
                errors.add(new FieldFault(path, invalid.getMessage().trim(), null));
            }
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.abs().compareTo(Validation.MAX_AMOUNT_USD) > 0) {
                errors.add(new FieldFault(path, "must be at most " + Validation.MAX_AMOUNT_USD.toPlainString(), null));
            } else if (value.stripTrailingZeros().scale() > Validation.AMOUNT_DECIMALS) {
                errors.add(new FieldFault(path, "must have at most " + Validation.AMOUNT_DECIMALS + " decimals", null));
            }
        }
    }
}
