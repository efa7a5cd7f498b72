package org.ippc.cpm.domain.decision;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** A CPM decision was recorded with its action items. */
@Revision("2")
public record DecisionRecorded(
        DecisionId decisionId,
        SessionId sessionId,
        int number,
        String text,
        List<ActionItem> actionItems,
        Actor actor,
        String rationale)
        implements DecisionEvent, AtSession {

    public DecisionRecorded {
        actionItems = Validation.copyOf(actionItems, "actionItems");
    }
}
