package org.ippc.cpm.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/**
 * The Secretariat names a person as a contact point of a party, an RPPO or a CPM body, with an e-mail address and a
 * language (N1); naming the same person again changes the address or language and keeps the person's choices.
 */
@Summary("The Secretariat names a contact point of a party, RPPO or body (N1)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record RegisterContactPoint(
        @RequiredBy("N1") @TargetAggregateIdentifier Addressee addressee,
        @RequiredBy("N1") String person,
        @RequiredBy("N1") String email,
        @RequiredBy("N1") Language language,
        Actor actor,
        String rationale) {

    public RegisterContactPoint {
        Validation.requireValue(addressee, "addressee");
        Validation.requireIdentifier(person, "person");
        EmailAddress.require(email, "email");
        Validation.requireValue(language, "language");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
