package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;

/** The CPM approved the high-level work plan; from here the programme is approved (Y1, Y2). */
@Revision("2")
public record HighLevelPlanApproved(
        ProgrammeId programmeId,
        SessionId sessionId,
        HighLevelPlan approvedPlan,
        boolean amended,
        Actor actor,
        String rationale)
        implements ProgrammeEvent, AtSession {}
