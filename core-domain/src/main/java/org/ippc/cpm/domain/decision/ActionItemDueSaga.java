package org.ippc.cpm.domain.decision;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.DecisionId;

/**
 * C3: follows one decision's action items until each is reported or overdue. When a session opens at which some of
 * them are due and unreported, the engine marks them overdue.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ActionItemDueSaga {

    static final String SESSION = "sessionId";

    private String decisionId;
    private final Map<String, List<String>> pendingBySession = new TreeMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "decisionId")
    void on(DecisionRecorded event) {
        decisionId = event.decisionId().value();
        for (ActionItem item : event.actionItems()) {
            pendingBySession
                    .computeIfAbsent(item.dueSession().value(), due -> new ArrayList<>())
                    .add(item.itemId());
            SagaLifecycle.associateWith(SESSION, item.dueSession().value());
        }
    }

    @SagaEventHandler(associationProperty = "decisionId")
    void on(ActionItemReported event) {
        pendingBySession.values().forEach(items -> items.remove(event.itemId()));
        endWhenNothingIsPending();
    }

    @SagaEventHandler(associationProperty = SESSION)
    void on(SessionOpened event, CommandGateway commands) {
        List<String> due = pendingBySession.remove(event.sessionId().value());
        SagaLifecycle.removeAssociationWith(SESSION, event.sessionId().value());
        for (String itemId : due == null ? List.<String>of() : due) {
            commands.send(new MarkActionItemOverdue(
                    new DecisionId(decisionId),
                    itemId,
                    event.sessionId(),
                    Actor.engine(),
                    event.sessionId() + " opened without a report on action item " + itemId));
        }
        endWhenNothingIsPending();
    }

    private void endWhenNothingIsPending() {
        if (pendingBySession.values().stream().allMatch(List::isEmpty)) {
            SagaLifecycle.end();
        }
    }
}
