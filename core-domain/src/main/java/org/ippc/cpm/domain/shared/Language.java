package org.ippc.cpm.domain.shared;

import java.util.Locale;

/** The six languages of the Commission (FAO's): of the pages, the notices, the papers and the translations of texts. */
public enum Language {
    AR,
    EN,
    ES,
    FR,
    RU,
    ZH;

    public Locale locale() {
        return Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
    }
}
