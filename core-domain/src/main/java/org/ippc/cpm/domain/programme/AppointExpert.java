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

/** The Secretariat appoints an adviser to the programme (D1). */
@Summary("The Secretariat appoints an expert (D1)")
@IssuedBy(value = Role.SECRETARIAT, rule = "D1")
public record AppointExpert(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("D1") ExpertId expertId,
        @RequiredBy("D1") String name,
        @RequiredBy("D1") String expertise,
        Actor actor,
        String rationale) {

    public AppointExpert {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(expertId, "expertId");
        Validation.requireText(name, "name");
        Validation.requireText(expertise, "expertise");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
