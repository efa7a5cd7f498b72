package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Validation;

/** An expert was released from the programme. */
@Revision("2")
public record ExpertReleased(ProgrammeId programmeId, ExpertId expertId, Actor actor, String rationale)
        implements ProgrammeEvent {

    public ExpertReleased {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(expertId, "expertId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
