package org.ippc.cpm.domain.translation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.Nullable;

/** A text of the record was translated from its original language; the actor is who provided the translation. */
@Revision("2")
public record TextTranslated(
        TextSubject subject,
        TranslatableText text,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String itemId,
        Language original,
        Language language,
        String translation,
        Actor actor,
        String rationale)
        implements TranslationEvent {}
