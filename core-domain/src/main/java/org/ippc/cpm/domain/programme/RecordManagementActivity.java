package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat records one of the eight kinds of management activity (M2). */
@Summary("The Secretariat records a management activity (M2)")
@IssuedBy(value = Role.SECRETARIAT, rule = "M2")
public record RecordManagementActivity(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("M2") ManagementActivity activity,
        Actor actor,
        String rationale) {

    public RecordManagementActivity {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(activity, "activity");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
