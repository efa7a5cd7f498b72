package org.ippc.cpm.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat removes a person from an addressee's contact points (N1). */
@Summary("The Secretariat removes a contact point (N1)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record RemoveContactPoint(
        @RequiredBy("N1") @TargetAggregateIdentifier Addressee addressee,
        @RequiredBy("N1") String person,
        Actor actor,
        String rationale) {

    public RemoveContactPoint {
        Validation.requireValue(addressee, "addressee");
        Validation.requireIdentifier(person, "person");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
