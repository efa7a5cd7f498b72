package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** The Bureau gave guidance on operational management. */
@Revision("2")
public record GuidanceGiven(ProgrammeId programmeId, Actor actor, String rationale) implements ProgrammeEvent {}
