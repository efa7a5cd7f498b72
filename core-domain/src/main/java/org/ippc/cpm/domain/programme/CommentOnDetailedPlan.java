package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** An appointed expert comments on a version of the detailed plan (D1); the rationale is the comment. */
@Summary("An appointed expert comments on a plan version (D1)")
@IssuedBy(value = Role.EXPERT, rule = "D1")
public record CommentOnDetailedPlan(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("D1") int planVersion,
        Actor actor,
        String rationale) {

    public CommentOnDetailedPlan {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
