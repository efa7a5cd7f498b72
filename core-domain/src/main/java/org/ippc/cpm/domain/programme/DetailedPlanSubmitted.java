package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** The first version of the detailed plan was submitted. */
@Revision("2")
public record DetailedPlanSubmitted(
        ProgrammeId programmeId, int version, DetailedPlan plan, Actor actor, String rationale)
        implements ProgrammeEvent {}
