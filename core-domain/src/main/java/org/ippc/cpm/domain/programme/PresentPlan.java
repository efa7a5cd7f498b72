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

/** The Secretariat presents the plan's summary at a later CPM session (Y5). */
@Summary("The Secretariat presents the plan at a later open session (Y5)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record PresentPlan(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("Y5") SessionId sessionId,
        @RequiredBy("Y5") String summary,
        @RequiredBy("Y5") String fullPlanLocation,
        Actor actor,
        String rationale) {

    public PresentPlan {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireText(summary, "summary");
        Validation.requireText(fullPlanLocation, "fullPlanLocation");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
