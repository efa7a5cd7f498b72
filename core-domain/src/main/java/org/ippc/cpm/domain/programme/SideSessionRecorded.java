package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;

/** A side session on the programme was held at the year-2 session (Y6). */
@Revision("2")
public record SideSessionRecorded(
        ProgrammeId programmeId, SessionId sessionId, String title, Actor actor, String rationale)
        implements ProgrammeEvent, AtSession {}
