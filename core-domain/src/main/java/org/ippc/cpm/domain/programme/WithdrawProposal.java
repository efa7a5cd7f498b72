package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat withdraws a proposal before it is selected (Y4). */
@Summary("The Secretariat withdraws a proposal before selection (Y4)")
@IssuedBy(value = Role.SECRETARIAT, rule = "Y4")
public record WithdrawProposal(@TargetAggregateIdentifier ProgrammeId programmeId, Actor actor, String rationale) {

    public WithdrawProposal {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
