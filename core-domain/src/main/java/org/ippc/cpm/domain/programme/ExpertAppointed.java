package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** An expert was appointed to advise on the programme. */
@Revision("2")
public record ExpertAppointed(
        ProgrammeId programmeId, ExpertId expertId, String name, String expertise, Actor actor, String rationale)
        implements ProgrammeEvent {}
