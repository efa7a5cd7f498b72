package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Validation;

/** The Finance Committee mobilised resources. */
@Revision("2")
public record ResourcesMobilised(ProgrammeId programmeId, Resource resource, Actor actor, String rationale)
        implements ProgrammeEvent {

    public ResourcesMobilised {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(resource, "resource");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
