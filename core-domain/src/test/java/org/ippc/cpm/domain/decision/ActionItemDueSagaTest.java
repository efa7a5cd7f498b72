package org.ippc.cpm.domain.decision;

import static org.ippc.cpm.domain.Seed.*;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionItemDueSagaTest {

    private SagaTestFixture<ActionItemDueSaga> fixture;

    private final DecisionRecorded decision6 = new DecisionRecorded(
            DECISION_6,
            CPM_9,
            6,
            "Pilot on surveillance",
            List.of(
                    actionItem("6a", Body.SECRETARIAT, CPM_10),
                    actionItem("6b", Body.SPG, CPM_10),
                    actionItem("6c", Body.BUREAU, CPM_11)),
            CPM_CHAIR,
            "OEWG report");

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ActionItemDueSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void C3_items_still_unreported_when_their_due_session_opens_become_overdue() {
        fixture.givenAggregate(DECISION_6.value())
                .published(decision6, new ActionItemReported(DECISION_6, "6a", null, SECRETARIAT, "Reported"))
                .whenAggregate(CPM_10.value())
                .publishes(new SessionOpened(CPM_10, CPM_CHAIR, "Opening"))
                .expectDispatchedCommands(new MarkActionItemOverdue(
                        DECISION_6, "6b", CPM_10, Actor.engine(), "CPM-10 opened without a report on action item 6b"))
                .expectActiveSagas(1);
    }

    @Test
    void C3_a_session_at_which_nothing_is_due_changes_nothing() {
        fixture.givenAggregate(DECISION_6.value())
                .published(decision6)
                .whenAggregate(CPM_12.value())
                .publishes(new SessionOpened(CPM_12, CPM_CHAIR, "Opening"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void C3_the_saga_ends_when_every_item_is_reported_or_overdue() {
        fixture.givenAggregate(DECISION_6.value())
                .published(decision6, new ActionItemReported(DECISION_6, "6c", null, BUREAU, "Reported"))
                .andThenAggregate(CPM_10.value())
                .published(new SessionOpened(CPM_10, CPM_CHAIR, "Opening"))
                .whenAggregate(CPM_11.value())
                .publishes(new SessionOpened(CPM_11, CPM_CHAIR, "Opening"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
