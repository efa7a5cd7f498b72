package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat releases an appointed adviser (D1). */
@Summary("The Secretariat releases an expert (D1)")
@IssuedBy(value = Role.SECRETARIAT, rule = "D1")
public record ReleaseExpert(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("D1") ExpertId expertId,
        Actor actor,
        String rationale) {

    public ReleaseExpert {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(expertId, "expertId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
