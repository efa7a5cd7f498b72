package org.ippc.cpm.domain.round;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.AboutProgramme;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;

/** The round proposed a priority to its CPM session; the programme's own stream holds its plan. */
@Revision("2")
public record PriorityProposed(
        RoundId roundId, SessionId sessionId, ProgrammeId programmeId, String optionId, Actor actor, String rationale)
        implements RoundEvent, AtSession, AboutProgramme {}
