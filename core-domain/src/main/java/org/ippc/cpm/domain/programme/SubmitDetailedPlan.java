package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat submits the detailed plan (D2, D3). */
@Summary("The Secretariat submits the detailed plan (D2, D3)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record SubmitDetailedPlan(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("D2") DetailedPlan plan,
        Actor actor,
        String rationale) {

    public SubmitDetailedPlan {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(plan, "plan");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
