package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** Corrects an earlier event of the programme with a new event that names it (A1). */
@Summary("Corrects an earlier event with a new one (A1)")
@IssuedBy(
        value = {Role.SECRETARIAT, Role.CPM},
        rule = "A1")
public record CorrectRecord(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("A1") long correctedSequence,
        @RequiredBy("A1") String correction,
        Actor actor,
        String rationale) {

    public CorrectRecord {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireText(correction, "correction");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
