package org.ippc.cpm.domain.decision;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.Validation;

/** The addressee reported on an action item; the item is complete. */
@Revision("2")
public record ActionItemReported(
        DecisionId decisionId, String itemId, String documentReference, Actor actor, String rationale)
        implements DecisionEvent {

    public ActionItemReported {
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
    }
}
