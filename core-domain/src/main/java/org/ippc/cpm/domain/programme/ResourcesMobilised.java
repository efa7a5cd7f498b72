package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** The Finance Committee mobilised resources. */
@Revision("2")
public record ResourcesMobilised(ProgrammeId programmeId, Resource resource, Actor actor, String rationale)
        implements ProgrammeEvent {}
