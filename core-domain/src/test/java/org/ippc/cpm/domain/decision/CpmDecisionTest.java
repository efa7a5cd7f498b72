package org.ippc.cpm.domain.decision;

import static org.hamcrest.Matchers.startsWith;
import static org.ippc.cpm.domain.Seed.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CpmDecisionTest {

    private FixtureConfiguration<CpmDecision> fixture;

    private final DecisionRecorded decision6 = new DecisionRecorded(
            DECISION_6,
            CPM_9,
            6,
            "Develop a pilot work plan on surveillance and submit it to CPM 10",
            List.of(actionItem("6a", Body.SECRETARIAT, CPM_10), actionItem("6b", Body.SPG, CPM_10)),
            CPM_CHAIR,
            "OEWG report");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CpmDecision.class);
    }

    @Test
    void C2_the_addressee_reports_and_completes_its_item() {
        fixture.given(decision6)
                .when(new ReportOnActionItem(DECISION_6, "6a", "CPM 2015/11", SECRETARIAT, "Work plan submitted"))
                .expectEvents(
                        new ActionItemReported(DECISION_6, "6a", "CPM 2015/11", SECRETARIAT, "Work plan submitted"));
    }

    @Test
    void C2_only_the_addressee_body_reports_on_its_item() {
        fixture.given(decision6)
                .when(new ReportOnActionItem(DECISION_6, "6b", null, SECRETARIAT, "Reporting for the SPG"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        startsWith("C2: ReportOnActionItem on 6b (addressed to SPG) may be issued by [SPG]"))
                .expectNoEvents();
    }

    @Test
    void C2_a_completed_item_is_not_reported_again() {
        fixture.given(decision6, new ActionItemReported(DECISION_6, "6a", null, SECRETARIAT, "Done"))
                .when(new ReportOnActionItem(DECISION_6, "6a", null, SECRETARIAT, "Again"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("C2: action item 6a of CPM-9-6 is already reported and complete")
                .expectNoEvents();
    }

    @Test
    void C3_the_engine_marks_an_unreported_item_overdue_when_its_session_opens() {
        fixture.given(decision6)
                .when(new MarkActionItemOverdue(DECISION_6, "6b", CPM_10, Actor.engine(), "CPM-10 opened"))
                .expectEvents(new ActionItemOverdue(DECISION_6, "6b", CPM_10, Actor.engine(), "CPM-10 opened"));
    }

    @Test
    void C3_overdue_is_recorded_by_the_engine_not_by_a_person() {
        fixture.given(decision6)
                .when(new MarkActionItemOverdue(DECISION_6, "6b", CPM_10, SECRETARIAT, "By hand"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("C3: MarkActionItemOverdue may be issued by [ENGINE]"))
                .expectNoEvents();
    }

    @Test
    void C3_a_reported_item_is_not_overdue() {
        fixture.given(decision6, new ActionItemReported(DECISION_6, "6b", null, SPG, "Tested with SPG"))
                .when(new MarkActionItemOverdue(DECISION_6, "6b", CPM_10, Actor.engine(), "CPM-10 opened"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("C3: action item 6b of CPM-9-6 is already reported")
                .expectNoEvents();
    }

    @Test
    void C3_an_item_is_overdue_only_at_its_due_session() {
        fixture.given(decision6)
                .when(new MarkActionItemOverdue(DECISION_6, "6b", CPM_11, Actor.engine(), "CPM-11 opened"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("C3: action item 6b is due at CPM-10, not at CPM-11")
                .expectNoEvents();
    }
}
