package org.ippc.cpm.domain.round;

import java.util.regex.Pattern;

/** P5: a reference to an article of the International Plant Protection Convention (Articles I to XXIII). */
final class ConventionArticle {

    private static final Pattern REFERENCE =
            Pattern.compile("Article (X{0,2}(IX|IV|V?I{0,3}))(\\.\\d{1,2})?(\\([a-z]{1,2}\\))?( .*)?");
    private static final int LAST_ARTICLE = 23;

    private ConventionArticle() {}

    static boolean isReference(String text) {
        if (text == null) {
            return false;
        }
        var matcher = REFERENCE.matcher(text);
        if (!matcher.matches() || matcher.group(1).isEmpty()) {
            return false;
        }
        int number = romanValue(matcher.group(1));
        return number >= 1 && number <= LAST_ARTICLE;
    }

    private static int romanValue(String roman) {
        int total = 0;
        int previous = 0;
        for (int i = roman.length() - 1; i >= 0; i--) {
            int value = switch (roman.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                default -> 10;
            };
            total += value < previous ? -value : value;
            previous = Math.max(previous, value);
        }
        return total;
    }
}
