package org.ippc.cpm.domain.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat closes input before the deadline (P1). */
@Summary("The Secretariat closes input early (P1)")
@IssuedBy(value = Role.SECRETARIAT, rule = "P1")
public record CloseInput(@TargetAggregateIdentifier RoundId roundId, Actor actor, String rationale) {

    public CloseInput {
        Validation.requireValue(roundId, "roundId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
