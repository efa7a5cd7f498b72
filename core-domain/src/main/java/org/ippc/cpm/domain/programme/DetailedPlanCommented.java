package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** An appointed expert commented on a version of the detailed plan. */
@Revision("2")
public record DetailedPlanCommented(ProgrammeId programmeId, int planVersion, Actor actor, String rationale)
        implements ProgrammeEvent {}
