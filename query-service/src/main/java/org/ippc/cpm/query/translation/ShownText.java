package org.ippc.cpm.query.translation;

import org.ippc.cpm.domain.shared.Language;

/**
 * A text as a reader of one language sees it: the translation where there is one, else the original, which a page or
 * paper labels with its language.
 */
public record ShownText(String text, Language language, boolean original) {}
