package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat recorded a management activity. */
@Revision("2")
public record ManagementActivityRecorded(
        ProgrammeId programmeId, ManagementActivity activity, Actor actor, String rationale) implements ProgrammeEvent {

    public ManagementActivityRecorded {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(activity, "activity");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
