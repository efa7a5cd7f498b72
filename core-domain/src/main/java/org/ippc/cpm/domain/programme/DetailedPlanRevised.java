package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** A new version of the detailed plan was submitted; earlier versions stay as they were. */
@Revision("2")
public record DetailedPlanRevised(
        ProgrammeId programmeId, int version, DetailedPlan plan, Actor actor, String rationale)
        implements ProgrammeEvent {}
