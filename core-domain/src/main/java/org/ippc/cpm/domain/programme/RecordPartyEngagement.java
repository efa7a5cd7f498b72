package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** A contracting party or RPPO records a commitment, monitoring, communication or achievement (M2). */
@Summary("A party or RPPO records its engagement (M2)")
@IssuedBy(
        value = {Role.CONTRACTING_PARTY, Role.RPPO},
        rule = "M2")
public record RecordPartyEngagement(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("M2") PartyEngagement engagement,
        Actor actor,
        String rationale) {

    public RecordPartyEngagement {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(engagement, "engagement");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
