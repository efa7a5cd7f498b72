package org.ippc.cpm.domain.directory;

import java.util.Locale;

/** The six languages of the Commission; notices are written in the contact point's where a translation exists. */
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
