package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;

/** The plan was presented at the year-2 session; the programme is now under management (Y5, M2). */
@Revision("2")
public record PlanPresented(
        ProgrammeId programmeId,
        SessionId sessionId,
        int planVersion,
        String summary,
        String fullPlanLocation,
        boolean delayed,
        Actor actor,
        String rationale)
        implements ProgrammeEvent, AtSession {}
