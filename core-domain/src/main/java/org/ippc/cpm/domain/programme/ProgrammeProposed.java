package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;

/** A programme came into being as a priority proposed to a CPM session. */
@Revision("2")
public record ProgrammeProposed(
        ProgrammeId programmeId,
        RoundId roundId,
        SessionId sessionId,
        String optionId,
        String title,
        String conventionArticle,
        HighLevelPlan highLevelPlan,
        Actor actor,
        String rationale)
        implements ProgrammeEvent, AtSession {}
