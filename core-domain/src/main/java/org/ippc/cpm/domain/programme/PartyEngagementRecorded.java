package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Validation;

/** A party or RPPO recorded its engagement with the programme. */
@Revision("2")
public record PartyEngagementRecorded(
        ProgrammeId programmeId, PartyEngagement engagement, Actor actor, String rationale) implements ProgrammeEvent {

    public PartyEngagementRecorded {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(engagement, "engagement");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
