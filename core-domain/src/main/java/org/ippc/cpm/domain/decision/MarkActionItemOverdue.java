package org.ippc.cpm.domain.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** The engine marks an unreported item overdue when its due session opens (C3). */
@IssuedBy(value = Role.ENGINE, rule = "C3")
public record MarkActionItemOverdue(
        @TargetAggregateIdentifier DecisionId decisionId,
        String itemId,
        SessionId openedSession,
        Actor actor,
        String rationale) {

    public MarkActionItemOverdue {
        Validation.requireValue(decisionId, "decisionId");
        Validation.requireText(itemId, "itemId");
        Validation.requireValue(openedSession, "openedSession");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
