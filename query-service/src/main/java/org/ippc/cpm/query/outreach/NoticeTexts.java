package org.ippc.cpm.query.outreach;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.ippc.cpm.domain.shared.Language;

/**
 * The sentences of the notices in a person's language, from {@code outreach/notices*.properties}; a language without a
 * translation reads English. Deadline notices ({@link NoticeKind#REMINDER}, {@link NoticeKind#DUE_TODAY}) take the
 * deadline's kind ({@code input} or {@code item}) and its three facts first, then the day it is due.
 */
public final class NoticeTexts {

    private static final String BUNDLE = "outreach.notices";

    private NoticeTexts() {}

    public record Text(String subject, String body) {}

    public static Text render(NoticeKind kind, List<String> args, Language language) {
        ResourceBundle bundle = bundle(language);
        Locale locale = language.locale();
        Object[] values = args.toArray();
        if (kind == NoticeKind.REMINDER || kind == NoticeKind.DUE_TODAY) {
            String title = format(
                    bundle, locale, args.get(0) + ".title", args.subList(1, 4).toArray());
            values = new Object[] {title, args.get(4)};
        }
        String name = kind.name().toLowerCase(Locale.ROOT);
        return new Text(
                format(bundle, locale, name + ".subject", values), format(bundle, locale, name + ".body", values));
    }

    /** A sentence of the e-mail around the notices (greeting, footer), in the person's language. */
    public static String phrase(String key, Language language, Object... values) {
        return format(bundle(language), language.locale(), key, values);
    }

    private static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object[] values) {
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }
}
