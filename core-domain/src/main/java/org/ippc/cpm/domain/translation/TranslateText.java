package org.ippc.cpm.domain.translation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.InvalidValue;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/**
 * The Secretariat, or a party contributing a translation (an in-kind resource), records a text of the record in another
 * of the six languages (T1, T2); a later translation into the same language replaces it. {@code itemId} names the
 * action item whose request is translated, and only then.
 */
@Summary("The Secretariat or a party translates a title, plan summary, decision or request (T1, T2)")
@IssuedBy(
        value = {Role.SECRETARIAT, Role.CONTRACTING_PARTY, Role.RPPO},
        rule = "A3")
public record TranslateText(
        @RequiredBy("T2") @TargetAggregateIdentifier TextSubject subject,
        @RequiredBy("T2") TranslatableText text,
        @Nullable String itemId,
        @RequiredBy("T1") Language original,
        @RequiredBy("T1") Language language,
        @RequiredBy("T1") String translation,
        Actor actor,
        String rationale) {

    public TranslateText {
        Validation.requireValue(subject, "subject");
        Validation.requireValue(text, "text");
        if (subject.isProgramme() != text.ofProgramme()) {
            throw new InvalidValue("text", text + " is not a text of " + subject);
        }
        if (text.needsItem()) {
            Validation.requireText(itemId, "itemId");
        } else if (itemId != null) {
            throw new InvalidValue("itemId", "itemId names an action item, and " + text + " is not one");
        }
        Validation.requireValue(original, "original");
        Validation.requireValue(language, "language");
        Validation.requireText(translation, "translation");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
