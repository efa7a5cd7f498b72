package org.ippc.cpm.domain.decision;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM records a numbered decision with its action items at an open session (C1, S2). */
@Summary("The CPM records a numbered decision with action items (C1, S2)")
@IssuedBy(value = Role.CPM, rule = "C1")
public record RecordDecision(
        @TargetAggregateIdentifier DecisionId decisionId,
        @RequiredBy("C1") SessionId sessionId,
        @RequiredBy("C1") int number,
        @RequiredBy("C1") String text,
        @RequiredBy("C1") List<ActionItem> actionItems,
        Actor actor,
        String rationale) {

    public RecordDecision {
        Validation.requireValue(decisionId, "decisionId");
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireText(text, "text");
        actionItems = Validation.copyOf(actionItems, "actionItems");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
