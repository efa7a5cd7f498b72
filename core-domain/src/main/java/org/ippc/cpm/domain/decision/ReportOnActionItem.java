package org.ippc.cpm.domain.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The addressee body reports on its action item, completing it (C2). */
@Summary("The addressee body reports on its action item (C2)")
@IssuedBy(
        value = {Role.SECRETARIAT, Role.BUREAU, Role.SPG, Role.FINANCE_COMMITTEE},
        rule = "C2")
public record ReportOnActionItem(
        @TargetAggregateIdentifier DecisionId decisionId,
        @RequiredBy("C2") String itemId,
        @Nullable String documentReference,
        Actor actor,
        String rationale) {

    public ReportOnActionItem {
        Validation.requireValue(decisionId, "decisionId");
        Validation.requireText(itemId, "itemId");
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
