package org.ippc.cpm.domain.directory;

import java.util.regex.Pattern;
import org.ippc.cpm.domain.shared.InvalidValue;

/** The shape of an e-mail address the directory accepts: one mailbox, nothing a mail header could be split on. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    public static final String SHAPE = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

    private static final Pattern PATTERN = Pattern.compile(SHAPE);

    private EmailAddress() {}

    public static String require(String value, String field) {
        if (value == null
                || value.length() > MAX_LENGTH
                || !PATTERN.matcher(value).matches()) {
            throw new InvalidValue(
                    field,
                    "%s must be one e-mail address (name@example.org), at most %d characters"
                            .formatted(field, MAX_LENGTH));
        }
        return value;
    }
}
