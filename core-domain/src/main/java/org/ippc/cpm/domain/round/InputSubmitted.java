package org.ippc.cpm.domain.round;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Validation;

/** A contracting party or RPPO gave input to the round. */
@Revision("2")
public record InputSubmitted(RoundId roundId, String documentReference, Actor actor, String rationale)
        implements RoundEvent {

    public InputSubmitted {
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
    }
}
