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

/** The CPM closes a programme under management at an open session (M4). */
@Summary("The CPM closes a programme under management at an open session (M4, S2)")
@IssuedBy(value = Role.CPM, rule = "M4")
public record CloseProgramme(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("M4") SessionId sessionId,
        @RequiredBy("M4") String outcomeStatement,
        Actor actor,
        String rationale) {

    public CloseProgramme {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireText(outcomeStatement, "outcomeStatement");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
