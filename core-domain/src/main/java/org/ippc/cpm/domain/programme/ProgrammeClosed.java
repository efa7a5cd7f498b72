package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;

/** The CPM closed the programme with an outcome statement (M4). */
@Revision("2")
public record ProgrammeClosed(
        ProgrammeId programmeId, SessionId sessionId, String outcomeStatement, Actor actor, String rationale)
        implements ProgrammeEvent, AtSession {}
