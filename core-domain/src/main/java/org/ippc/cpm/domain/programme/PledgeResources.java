package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** A contracting party or RPPO pledges funds or in-kind resources (M1). */
@Summary("A party or RPPO pledges resources (M1)")
@IssuedBy(
        value = {Role.CONTRACTING_PARTY, Role.RPPO},
        rule = "M1")
public record PledgeResources(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("M1") Resource resource,
        Actor actor,
        String rationale) {

    public PledgeResources {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(resource, "resource");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
