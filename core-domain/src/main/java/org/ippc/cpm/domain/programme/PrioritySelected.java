package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;

/** The CPM selected the priority. */
@Revision("2")
public record PrioritySelected(ProgrammeId programmeId, SessionId sessionId, Actor actor, String rationale)
        implements ProgrammeEvent, AtSession {}
