package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** An expert was released from the programme. */
@Revision("2")
public record ExpertReleased(ProgrammeId programmeId, ExpertId expertId, Actor actor, String rationale)
        implements ProgrammeEvent {}
