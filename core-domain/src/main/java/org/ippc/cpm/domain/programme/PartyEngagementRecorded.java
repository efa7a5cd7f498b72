package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** A party or RPPO recorded its engagement with the programme. */
@Revision("2")
public record PartyEngagementRecorded(
        ProgrammeId programmeId, PartyEngagement engagement, Actor actor, String rationale) implements ProgrammeEvent {}
