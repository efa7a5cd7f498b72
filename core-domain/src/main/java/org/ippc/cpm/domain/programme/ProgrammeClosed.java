package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM closed the programme with an outcome statement (M4). */
@Revision("2")
public record ProgrammeClosed(
        ProgrammeId programmeId, SessionId sessionId, String outcomeStatement, Actor actor, String rationale)
        implements ProgrammeEvent, AtSession {

    public ProgrammeClosed {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireText(outcomeStatement, "outcomeStatement");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
