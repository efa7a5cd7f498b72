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

/** The Secretariat records a side session held at the year-2 session (Y6). */
@Summary("The Secretariat records a side session at the year-2 session (Y6)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record RecordSideSession(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("Y6") SessionId sessionId,
        @RequiredBy("Y6") String title,
        Actor actor,
        String rationale) {

    public RecordSideSession {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireText(title, "title");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
