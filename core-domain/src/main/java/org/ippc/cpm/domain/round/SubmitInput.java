package org.ippc.cpm.domain.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** A contracting party or RPPO gives input to the analysis (P1); the rationale is the input's summary. */
@Summary("A contracting party or RPPO gives input to the round (P1)")
@IssuedBy(
        value = {Role.CONTRACTING_PARTY, Role.RPPO},
        rule = "P1")
public record SubmitInput(
        @TargetAggregateIdentifier RoundId roundId,
        @Nullable String documentReference,
        Actor actor,
        String rationale) {

    public SubmitInput {
        Validation.requireValue(roundId, "roundId");
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
