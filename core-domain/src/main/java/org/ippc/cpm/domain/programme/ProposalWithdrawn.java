package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** The Secretariat withdrew the proposal before selection. */
@Revision("2")
public record ProposalWithdrawn(ProgrammeId programmeId, Actor actor, String rationale) implements ProgrammeEvent {}
