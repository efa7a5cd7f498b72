package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM selects a proposed priority at the session it was proposed to (Y1). */
@Summary("The CPM selects the priority at the session it was proposed to (Y1, S2)")
@IssuedBy(value = Role.CPM, rule = "Y1")
public record SelectPriority(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("Y1") SessionId sessionId,
        Actor actor,
        String rationale) {

    public SelectPriority {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
