package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM delegates the detailed plan to the Secretariat and operational guidance to the Bureau (Y1, Y3). */
@Summary("The CPM delegates development to the Secretariat and guidance to the Bureau (Y1, Y3, S2)")
@IssuedBy(value = Role.CPM, rule = "Y1")
public record DelegateDevelopment(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("Y1") SessionId sessionId,
        @RequiredBy("Y3") Body developer,
        @RequiredBy("Y3") Body operationalGuidance,
        Actor actor,
        String rationale) {

    public DelegateDevelopment {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireValue(developer, "developer");
        Validation.requireValue(operationalGuidance, "operationalGuidance");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
