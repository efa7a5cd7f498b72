package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Finance Committee records resources it mobilised for the programme (M1). */
@Summary("The Finance Committee records mobilised resources (M1)")
@IssuedBy(value = Role.FINANCE_COMMITTEE, rule = "M1")
public record RecordResourceMobilisation(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("M1") Resource resource,
        Actor actor,
        String rationale) {

    public RecordResourceMobilisation {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(resource, "resource");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
