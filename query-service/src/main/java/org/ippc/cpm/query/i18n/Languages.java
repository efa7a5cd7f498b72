package org.ippc.cpm.query.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ippc.cpm.domain.shared.Language;

/** Which of the six languages a request asks for: named ({@code ?language=fr}), else the best of Accept-Language. */
public final class Languages {

    private Languages() {}

    public static Optional<Language> named(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return Arrays.stream(Language.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(language))
                .findFirst();
    }

    /** The first of the six in the header's order of preference (RFC 9110 weights); English when none is. */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> named(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(Language.EN);
        } catch (IllegalArgumentException malformed) {
            return Language.EN;
        }
    }
}
