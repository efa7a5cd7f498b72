package org.ippc.cpm.query;

import java.util.Arrays;

/** Query filters from a closed list: absent or empty means no filter, anything else must be one of the list's names. */
public final class Filters {

    private Filters() {}

    /** {@code value}, if it names one of {@code allowed}'s constants as written; otherwise a 400 naming them. */
    public static String oneOf(String name, String value, Class<? extends Enum<?>> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        boolean known = Arrays.stream(allowed.getEnumConstants())
                .anyMatch(constant -> constant.name().equals(value));
        if (!known) {
            throw new BadQuery("%s must be one of %s, not '%s'"
                    .formatted(name, Arrays.toString(allowed.getEnumConstants()), value));
        }
        return value;
    }
}
