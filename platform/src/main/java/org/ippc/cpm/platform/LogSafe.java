package org.ippc.cpm.platform;

/**
 * A value a user controls (a sign-in name, a token's subject), as it may go into a log line: at most 100 characters,
 * control characters (a line break above all, which would start a forged line) as '?'.
 */
public final class LogSafe {

    private LogSafe() {}

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
