package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM approves the high-level work plan, possibly amended (Y1, Y2). */
@Summary("The CPM approves the high-level work plan, possibly amended (Y1, Y2, S2)")
@IssuedBy(value = Role.CPM, rule = "Y1")
public record ApproveHighLevelPlan(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("Y1") SessionId sessionId,

        @Nullable @RequiredBy("Y2") HighLevelPlan amendedPlan,

        Actor actor,
        String rationale) {

    public ApproveHighLevelPlan {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
