package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Validation;

/** An expert was appointed to advise on the programme. */
@Revision("2")
public record ExpertAppointed(
        ProgrammeId programmeId, ExpertId expertId, String name, String expertise, Actor actor, String rationale)
        implements ProgrammeEvent {

    public ExpertAppointed {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(expertId, "expertId");
        Validation.requireText(name, "name");
        Validation.requireText(expertise, "expertise");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
