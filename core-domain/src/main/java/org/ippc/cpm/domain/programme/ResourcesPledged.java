package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** A party or RPPO pledged resources. */
@Revision("2")
public record ResourcesPledged(ProgrammeId programmeId, Resource resource, Actor actor, String rationale)
        implements ProgrammeEvent {}
