package org.ippc.cpm.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/**
 * A contact point's choice of how notices reach the person: each at once or a daily digest, and whether the notices
 * nobody must receive (reminders ahead of a deadline) are sent at all (N1). The Secretariat records it on the person's
 * word; the engine records it when the person follows the signed link in an e-mail.
 */
@Summary("A contact point chooses immediate or digest e-mail and opts in or out of optional notices (N1)")
@IssuedBy(
        value = {Role.SECRETARIAT, Role.ENGINE},
        rule = "A3")
public record ChooseNotifications(
        @RequiredBy("N1") @TargetAggregateIdentifier Addressee addressee,
        @RequiredBy("N1") String person,
        @RequiredBy("N1") Delivery delivery,
        @RequiredBy("N1") boolean optionalNotices,
        Actor actor,
        String rationale) {

    public ChooseNotifications {
        Validation.requireValue(addressee, "addressee");
        Validation.requireIdentifier(person, "person");
        Validation.requireValue(delivery, "delivery");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
