package org.ippc.cpm.domain.translation;

import org.ippc.cpm.domain.shared.CpmEvent;

/** An event of the translations of a programme's or a decision's texts. */
public sealed interface TranslationEvent extends CpmEvent permits TextTranslated {

    TextSubject subject();
}
