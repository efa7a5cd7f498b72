package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Bureau gives guidance on operational management (Y3, M2); the rationale is the guidance. */
@Summary("The Bureau gives operational guidance (Y3, M2)")
@IssuedBy(value = Role.BUREAU, rule = "M2")
public record GiveGuidance(@TargetAggregateIdentifier ProgrammeId programmeId, Actor actor, String rationale) {

    public GiveGuidance {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
