package org.ippc.cpm.domain.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ippc.cpm.domain.Seed.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.session.SessionScheduled;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every programme command in every stage, through the real aggregates and the command bus: accepted exactly where
 * {@link ProgrammeLifecycle} says it is legal, and elsewhere refused with the table's rule. {@code CloseSession} (Y4:
 * a proposal lapses) acts on a session, not a programme, and has its own tests.
 */
class LifecycleMatrixTest {

    private static final List<Object> COMMANDS = List.of(
            new SelectPriority(PILOT, CPM_10, CPM_CHAIR, "Selected"),
            new WithdrawProposal(PILOT, SECRETARIAT, "Withdrawn"),
            new ApproveHighLevelPlan(PILOT, CPM_10, null, CPM_CHAIR, "Approved"),
            new DelegateDevelopment(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"),
            new SubmitDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "First version"),
            new ReviseDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "Second version"),
            new PresentPlan(PILOT, CPM_11, "Summary", "https://www.ippc.int/plan", SECRETARIAT, "Year 2"),
            new CloseProgramme(PILOT, CPM_11, "Objectives met", CPM_CHAIR, "Closed"),
            new AppointExpert(PILOT, new ExpertId("expert-ben"), "Ben Expert", "Sampling", SECRETARIAT, "Advice"),
            new ReleaseExpert(PILOT, EXPERT_ID, SECRETARIAT, "Advice given"),
            new CommentOnDetailedPlan(PILOT, 1, EXPERT, "A comment"),
            new GiveGuidance(PILOT, BUREAU, "Guidance"),
            new PledgeResources(PILOT, funds("1000"), NZ, "Pledge"),
            new ContributeResources(PILOT, funds("1000"), NZ, "Contribution"),
            new RecordResourceMobilisation(PILOT, funds("1000"), FINANCE_COMMITTEE, "Mobilised"),
            new ReportProgress(PILOT, CPM_11, "CPM 2016/01", SECRETARIAT, "Report"),
            new RecordSideSession(PILOT, CPM_11, "Side session", SECRETARIAT, "Held"),
            new RecordManagementActivity(PILOT, ManagementActivity.MONITORING, SECRETARIAT, "Review"),
            new RecordPartyEngagement(PILOT, PartyEngagement.COMMITMENT, KE, "Commitment"),
            new CorrectRecord(PILOT, 0, "Corrected", SECRETARIAT, "Minutes corrected"));

    @Test
    void the_matrix_covers_every_command_of_the_lifecycle_table() {
        Set<Class<?>> inTable = new java.util.HashSet<>();
        ProgrammeLifecycle.TRANSITIONS.forEach(t -> inTable.add(t.type()));
        ProgrammeLifecycle.ONGOING.forEach(r -> inTable.add(r.type()));
        inTable.remove(org.ippc.cpm.domain.session.CloseSession.class);
        assertThat(COMMANDS).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(inTable);
    }

    @TestFactory
    Stream<DynamicTest> every_command_in_every_stage_is_accepted_exactly_where_the_lifecycle_table_says() {
        return Stream.of(ProgrammeStage.values())
                .flatMap(stage -> COMMANDS.stream()
                        .map(command -> DynamicTest.dynamicTest(
                                stage + " x " + command.getClass().getSimpleName(), () -> {
                                    try (CommissionHarness commission = new CommissionHarness()) {
                                        commission
                                                .given(sessionsFor(command).toArray())
                                                .given(history(stage).toArray());
                                        var outcome = commission.when(command);
                                        boolean legal = ProgrammeLifecycle.legalIn(command.getClass())
                                                .orElseThrow()
                                                .contains(stage);
                                        if (legal) {
                                            assertThat(outcome.failure())
                                                    .as("refused where the table allows it")
                                                    .isNull();
                                            assertThat(outcome.events()).isNotEmpty();
                                        } else {
                                            assertThat(outcome.failure())
                                                    .as("accepted where the table forbids it")
                                                    .isInstanceOf(RuleViolation.class);
                                            assertThat(((RuleViolation) outcome.failure()).rule())
                                                    .isEqualTo(ruleOf(command.getClass()));
                                            assertThat(outcome.failure().getMessage())
                                                    .contains("needs a programme in stage");
                                            assertThat(outcome.events()).isEmpty();
                                        }
                                    }
                                })));
    }

    private static String ruleOf(Class<?> command) {
        return Stream.concat(
                        ProgrammeLifecycle.TRANSITIONS.stream()
                                .filter(t -> t.type() == command)
                                .map(Transition::rule),
                        ProgrammeLifecycle.ONGOING.stream()
                                .filter(r -> r.type() == command)
                                .map(StageRule::rule))
                .findFirst()
                .orElseThrow();
    }

    /** The session a command is taken at is open: CPM-10 for the year-1 decisions, CPM-11 for the later ones. */
    private static List<Object> sessionsFor(Object command) {
        List<Object> events =
                new ArrayList<>(List.of(scheduled(CPM_10), new SessionOpened(CPM_10, CPM_CHAIR, "Opened")));
        if (command instanceof PresentPlan || command instanceof CloseProgramme) {
            events.add(new SessionClosed(CPM_10, List.of(), CPM_CHAIR, "Closed"));
            events.add(scheduled(CPM_11));
            events.add(new SessionOpened(CPM_11, CPM_CHAIR, "Opened"));
        }
        return events;
    }

    private static SessionScheduled scheduled(SessionId id) {
        return new SessionScheduled(id, id.number(), id.year(), CPM_CHAIR, "Scheduled");
    }

    /** The pilot's events up to {@code stage}, with an expert appointed from delegation on. */
    private static List<Object> history(ProgrammeStage stage) {
        List<Object> events = new ArrayList<>(List.of(pilotProposed()));
        switch (stage) {
            case PROPOSED -> {}
            case WITHDRAWN -> events.add(new ProposalWithdrawn(PILOT, SECRETARIAT, "Withdrawn"));
            case NOT_SELECTED -> events.add(new ProposalNotSelected(PILOT, CPM_10, CPM_CHAIR, "Lapsed"));
            default -> {
                List<ProgrammeStage> path = List.of(
                        ProgrammeStage.SELECTED,
                        ProgrammeStage.APPROVED,
                        ProgrammeStage.DEVELOPMENT_DELEGATED,
                        ProgrammeStage.DETAILED_PLAN_SUBMITTED,
                        ProgrammeStage.UNDER_MANAGEMENT,
                        ProgrammeStage.CLOSED);
                List<Object> steps = List.of(
                        new PrioritySelected(PILOT, CPM_10, CPM_CHAIR, "Selected"),
                        new HighLevelPlanApproved(PILOT, CPM_10, highLevelPlan(), false, CPM_CHAIR, "Approved"),
                        new DevelopmentDelegated(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"),
                        new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "First version"),
                        new PlanPresented(
                                PILOT, CPM_11, 1, "Summary", "https://www.ippc.int/plan", false, SECRETARIAT, "Year 2"),
                        new ProgrammeClosed(PILOT, CPM_11, "Objectives met", CPM_CHAIR, "Closed"));
                for (int i = 0; i <= path.indexOf(stage); i++) {
                    events.add(steps.get(i));
                    if (path.get(i) == ProgrammeStage.DEVELOPMENT_DELEGATED) {
                        events.add(new ExpertAppointed(
                                PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"));
                    }
                }
            }
        }
        return events;
    }
}
