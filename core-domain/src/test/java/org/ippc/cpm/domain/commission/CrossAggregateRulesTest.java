package org.ippc.cpm.domain.commission;

import static org.ippc.cpm.domain.Seed.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ippc.cpm.domain.decision.DecisionRecorded;
import org.ippc.cpm.domain.decision.RecordDecision;
import org.ippc.cpm.domain.programme.ApproveHighLevelPlan;
import org.ippc.cpm.domain.programme.CloseProgramme;
import org.ippc.cpm.domain.programme.DelegateDevelopment;
import org.ippc.cpm.domain.programme.DetailedPlanSubmitted;
import org.ippc.cpm.domain.programme.DevelopmentDelegated;
import org.ippc.cpm.domain.programme.HighLevelPlan;
import org.ippc.cpm.domain.programme.HighLevelPlanApproved;
import org.ippc.cpm.domain.programme.PlanPresented;
import org.ippc.cpm.domain.programme.PresentPlan;
import org.ippc.cpm.domain.programme.PrioritySelected;
import org.ippc.cpm.domain.programme.ProgrammeClosed;
import org.ippc.cpm.domain.programme.ProgrammeProposed;
import org.ippc.cpm.domain.programme.ProposalNotSelected;
import org.ippc.cpm.domain.programme.ProposalWithdrawn;
import org.ippc.cpm.domain.programme.SelectPriority;
import org.ippc.cpm.domain.round.AnalysisCompleted;
import org.ippc.cpm.domain.round.InputClosed;
import org.ippc.cpm.domain.round.InputSubmitted;
import org.ippc.cpm.domain.round.PriorityProposed;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.round.RoundOpened;
import org.ippc.cpm.domain.round.SelectionCriteriaEstablished;
import org.ippc.cpm.domain.round.SubmitInput;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.session.OpenSession;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.session.SessionScheduled;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules that span aggregates (S1, S2, P3-P6, Y1-Y5, M4, C1), each with an accepting and a refusing case. */
class CrossAggregateRulesTest {

    private final CommissionHarness commission = new CommissionHarness();

    @AfterEach
    void tearDown() {
        commission.close();
    }

    private static SessionScheduled scheduled(SessionId id) {
        return new SessionScheduled(id, id.number(), id.year(), CPM_CHAIR, "Scheduled");
    }

    private static SessionOpened opened(SessionId id) {
        return new SessionOpened(id, CPM_CHAIR, "Opened");
    }

    private static SessionClosed closed(SessionId id) {
        return new SessionClosed(id, List.of(), CPM_CHAIR, "Closed");
    }

    private CommissionHarness analysedRound() {
        return commission.given(
                scheduled(CPM_10),
                new RoundOpened(ROUND_10, CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call"),
                new InputSubmitted(ROUND_10, null, NZ, "Input"),
                new InputClosed(ROUND_10, false, SECRETARIAT, "Closed"),
                new SelectionCriteriaEstablished(ROUND_10, CRITERIA, SECRETARIAT, "Criteria"),
                new AnalysisCompleted(ROUND_10, options(), null, SECRETARIAT, "Analysis"));
    }

    private static ProposePriority propose(ProgrammeId id, String option) {
        return new ProposePriority(
                ROUND_10,
                id,
                option,
                "Programme " + option,
                "Article IV.2(b)",
                highLevelPlan(),
                SECRETARIAT,
                "Ranked high");
    }

    private static ProgrammeProposed proposed(ProgrammeId id, String option) {
        return new ProgrammeProposed(
                id,
                ROUND_10,
                CPM_10,
                option,
                "Programme " + option,
                "Article IV.2(b)",
                highLevelPlan(),
                SECRETARIAT,
                "Ranked high");
    }

    private CommissionHarness pilotProposedAtOpenCpm10() {
        return analysedRound()
                .given(
                        new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Ranked high"),
                        pilotProposed(),
                        opened(CPM_10));
    }

    private static final PrioritySelected SELECTED = new PrioritySelected(PILOT, CPM_10, CPM_CHAIR, "Selected");
    private static final HighLevelPlanApproved APPROVED =
            new HighLevelPlanApproved(PILOT, CPM_10, highLevelPlan(), false, CPM_CHAIR, "Approved");
    private static final DevelopmentDelegated DELEGATED =
            new DevelopmentDelegated(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated");

    // S1 ---------------------------------------------------------------------------------------------------------

    @Test
    void S1_a_session_opens_after_the_one_before_it_closed() {
        commission
                .given(scheduled(CPM_9), opened(CPM_9), closed(CPM_9), scheduled(CPM_10))
                .when(new OpenSession(CPM_10, CPM_CHAIR, "Opening"))
                .expectEvents(new SessionOpened(CPM_10, CPM_CHAIR, "Opening"));
    }

    @Test
    void S1_only_one_session_is_open_at_a_time() {
        commission
                .given(scheduled(CPM_9), opened(CPM_9), scheduled(CPM_10))
                .when(new OpenSession(CPM_10, CPM_CHAIR, "Opening"))
                .expectViolation(
                        "S1",
                        "only one session is open at a time and sessions open in order: CPM-9 is OPEN, not CLOSED");
    }

    @Test
    void S1_only_one_session_is_open_at_a_time_across_all_sessions_not_only_the_neighbours() {
        SessionId cpm15 = SessionId.of(15);
        commission
                .given(scheduled(CPM_9), opened(CPM_9), scheduled(cpm15))
                .when(new OpenSession(cpm15, CPM_CHAIR, "Opening"))
                .expectViolation("S1", "only one session is open at a time: CPM-9 is OPEN");
    }

    @Test
    void S1_sessions_open_in_order() {
        commission
                .given(scheduled(CPM_10), scheduled(CPM_11), opened(CPM_11))
                .when(new OpenSession(CPM_10, CPM_CHAIR, "Opening"))
                .expectViolation("S1", "the later session CPM-11 is already OPEN");
    }

    @Test
    void S1_a_closed_session_does_not_open_again() {
        commission
                .given(scheduled(CPM_10), opened(CPM_10), closed(CPM_10))
                .when(new OpenSession(CPM_10, CPM_CHAIR, "Again"))
                .expectViolation("S1", "CPM-10 can be opened only while SCHEDULED; it is CLOSED");
    }

    @Test
    void S1_only_an_open_session_closes() {
        commission
                .given(scheduled(CPM_10))
                .when(new CloseSession(CPM_10, CPM_CHAIR, "Closing"))
                .expectViolation("S1", "CPM-10 can be closed only while OPEN; it is SCHEDULED");
    }

    // P1, Y4: a round feeds its session only until that session has closed ----------------------------------------

    @Test
    void Y4_no_priority_is_proposed_once_the_round_s_session_has_closed() {
        analysedRound()
                .given(opened(CPM_10), closed(CPM_10))
                .when(propose(PILOT, "surveillance"))
                .expectViolation(
                        "Y4",
                        "priorities are proposed only while the round's session is SCHEDULED or OPEN; CPM-10 is CLOSED");
    }

    @Test
    void Y4_a_priority_is_proposed_while_the_round_s_session_is_open() {
        analysedRound()
                .given(opened(CPM_10))
                .when(propose(PILOT, "surveillance"))
                .expectEvents(
                        new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Ranked high"),
                        proposed(PILOT, "surveillance"));
    }

    @Test
    void P1_a_session_has_one_round() {
        commission
                .given(scheduled(CPM_10), new RoundOpened(ROUND_10, CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call"))
                .when(new org.ippc.cpm.domain.round.OpenRound(
                        CPM_10, Instant.now().plus(Duration.ofDays(30)), SECRETARIAT, "Again"))
                .expectViolation("P1", "ROUND-CPM-10 is already open; each session has one round");
    }

    @Test
    void P1_no_round_is_opened_for_a_closed_session() {
        commission
                .given(scheduled(CPM_10), opened(CPM_10), closed(CPM_10))
                .when(new org.ippc.cpm.domain.round.OpenRound(
                        CPM_10, Instant.now().plus(Duration.ofDays(30)), SECRETARIAT, "Late"))
                .expectViolation(
                        "P1",
                        "a round is opened only while the round's session is SCHEDULED or OPEN; CPM-10 is CLOSED");
    }

    @Test
    void P4_each_proposal_brings_a_new_programme_into_being() {
        analysedRound()
                .run(propose(PILOT, "surveillance"))
                .when(propose(PILOT, "diagnostics"))
                .expectViolation(
                        "P4", "pilot-surveillance already exists; each proposal brings a new programme into being");
    }

    @Test
    void P1_no_input_is_taken_once_the_round_s_session_has_closed() {
        commission
                .given(
                        scheduled(CPM_10),
                        new RoundOpened(ROUND_10, CPM_10, Instant.now().plus(Duration.ofDays(30)), SECRETARIAT, "Call"),
                        opened(CPM_10),
                        closed(CPM_10))
                .when(new SubmitInput(ROUND_10, null, KE, "Input"))
                .expectViolation(
                        "P1", "input is taken only while the round's session is SCHEDULED or OPEN; CPM-10 is CLOSED");
    }

    // P3-P6 ------------------------------------------------------------------------------------------------------

    @Test
    void P3_a_priority_is_proposed_after_the_analysis_and_the_programme_comes_into_being() {
        analysedRound()
                .when(propose(PILOT, "surveillance"))
                .expectEvents(
                        new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Ranked high"),
                        proposed(PILOT, "surveillance"));
    }

    @Test
    void P3_no_priority_is_proposed_before_the_analysis_is_completed() {
        commission
                .given(scheduled(CPM_10), new RoundOpened(ROUND_10, CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call"))
                .when(propose(PILOT, "surveillance"))
                .expectViolation(
                        "P3",
                        "the analysis of ROUND-CPM-10 is completed before any priority is proposed; the round is OPEN_FOR_INPUT");
    }

    @Test
    void P4_at_most_two_priorities_are_proposed_from_one_round() {
        analysedRound()
                .run(propose(PILOT, "surveillance"), propose(SECOND, "diagnostics"))
                .when(propose(THIRD, "reporting"))
                .expectViolation(
                        "P4",
                        "at most two priorities are proposed from ROUND-CPM-10 to CPM-10; 2 are already proposed");
    }

    @Test
    void P4_a_withdrawn_proposal_no_longer_counts() {
        analysedRound()
                .run(
                        propose(PILOT, "surveillance"),
                        propose(SECOND, "diagnostics"),
                        new org.ippc.cpm.domain.programme.WithdrawProposal(
                                SECOND, SECRETARIAT, "Merged into the pilot"))
                .when(propose(THIRD, "reporting"))
                .expectEvents(
                        new PriorityProposed(ROUND_10, CPM_10, THIRD, "reporting", SECRETARIAT, "Ranked high"),
                        proposed(THIRD, "reporting"));
    }

    @Test
    void P5_the_proposal_must_be_an_analysed_option() {
        analysedRound()
                .when(propose(PILOT, "biocontrol"))
                .expectViolation(
                        "P5",
                        "must be one of the analysed options [surveillance, diagnostics, reporting], not biocontrol");
    }

    @Test
    void P5_the_proposal_must_be_linked_to_an_article_of_the_Convention() {
        analysedRound()
                .when(new ProposePriority(
                        ROUND_10,
                        PILOT,
                        "surveillance",
                        "Pilot",
                        "Article XXX",
                        highLevelPlan(),
                        SECRETARIAT,
                        "Ranked high"))
                .expectViolation("P5", "must be linked to an article of the Convention");
        commission
                .when(new ProposePriority(
                        ROUND_10, PILOT, "surveillance", "Pilot", null, highLevelPlan(), SECRETARIAT, "Ranked high"))
                .expectViolation("P5", "(e.g. 'Article IV.2(b)'), and none was given");
    }

    @Test
    void P5_P6_an_analysed_option_linked_to_an_article_with_elements_A_to_F_is_proposed() {
        analysedRound()
                .when(new ProposePriority(
                        ROUND_10,
                        PILOT,
                        "surveillance",
                        "Pilot",
                        "Article XXIII",
                        highLevelPlan(),
                        SECRETARIAT,
                        "Ranked high"))
                .expectEvents(
                        new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Ranked high"),
                        new ProgrammeProposed(
                                PILOT,
                                ROUND_10,
                                CPM_10,
                                "surveillance",
                                "Pilot",
                                "Article XXIII",
                                highLevelPlan(),
                                SECRETARIAT,
                                "Ranked high"));
    }

    @Test
    void P6_the_proposal_carries_the_high_level_plan_elements_A_to_F() {
        HighLevelPlan partial = new HighLevelPlan("situation", "", "objective", null, "activities", "indicators");
        analysedRound()
                .when(new ProposePriority(
                        ROUND_10,
                        PILOT,
                        "surveillance",
                        "Pilot",
                        "Article IV.2(b)",
                        partial,
                        SECRETARIAT,
                        "Ranked high"))
                .expectViolation("P6", "missing [B, D]");
    }

    // Y1-Y4 and S2 -----------------------------------------------------------------------------------------------

    @Test
    void Y1_the_CPM_selects_approves_and_delegates_at_the_session_of_the_proposal() {
        pilotProposedAtOpenCpm10()
                .when(new SelectPriority(PILOT, CPM_10, CPM_CHAIR, "Selected"))
                .expectEvents(SELECTED);
        commission
                .when(new ApproveHighLevelPlan(PILOT, CPM_10, null, CPM_CHAIR, "Approved"))
                .expectEvents(APPROVED);
        commission
                .when(new DelegateDevelopment(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"))
                .expectEvents(DELEGATED);
    }

    @Test
    void Y1_selection_must_be_at_the_session_the_priority_was_proposed_to() {
        pilotProposedAtOpenCpm10()
                .given(scheduled(CPM_11))
                .when(new SelectPriority(PILOT, CPM_11, CPM_CHAIR, "Selected"))
                .expectViolation(
                        "Y1",
                        "SelectPriority must be taken at CPM-10, the session pilot-surveillance was proposed to, not at CPM-11");
    }

    @Test
    void Y1_approval_comes_after_selection() {
        pilotProposedAtOpenCpm10()
                .when(new ApproveHighLevelPlan(PILOT, CPM_10, null, CPM_CHAIR, "Approved"))
                .expectViolation(
                        "Y1",
                        "approveHighLevelPlan needs a programme in stage SELECTED; pilot-surveillance is PROPOSED");
    }

    @Test
    void Y1_delegation_comes_after_approval() {
        pilotProposedAtOpenCpm10()
                .given(SELECTED)
                .when(new DelegateDevelopment(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"))
                .expectViolation(
                        "Y1",
                        "delegateDevelopment needs a programme in stage APPROVED; pilot-surveillance is SELECTED");
    }

    @Test
    void Y1_only_the_CPM_selects() {
        pilotProposedAtOpenCpm10()
                .when(new SelectPriority(PILOT, CPM_10, SECRETARIAT, "Selected"))
                .expectViolation("Y1", "SelectPriority may be issued by [CPM], not by SECRETARIAT");
    }

    @Test
    void S2_a_decision_is_taken_at_the_session_while_it_is_open() {
        pilotProposedAtOpenCpm10()
                .when(new SelectPriority(PILOT, CPM_10, CPM_CHAIR, "Selected"))
                .expectEvents(SELECTED);
    }

    @Test
    void S2_decisions_are_taken_only_at_an_open_session() {
        analysedRound()
                .given(
                        new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Ranked high"),
                        pilotProposed())
                .when(new SelectPriority(PILOT, CPM_10, CPM_CHAIR, "Selected"))
                .expectViolation("S2", "SelectPriority must be taken at an open session; CPM-10 is SCHEDULED");
    }

    @Test
    void Y2_approval_may_amend_the_high_level_description() {
        HighLevelPlan amended =
                new HighLevelPlan("situation", "goal", "objective (amended)", "scope", "activities", "indicators");
        pilotProposedAtOpenCpm10()
                .given(SELECTED)
                .when(new ApproveHighLevelPlan(PILOT, CPM_10, amended, CPM_CHAIR, "Amended in plenary"))
                .expectEvents(new HighLevelPlanApproved(PILOT, CPM_10, amended, true, CPM_CHAIR, "Amended in plenary"));
    }

    @Test
    void Y2_an_amended_description_still_holds_elements_A_to_F() {
        HighLevelPlan amended = new HighLevelPlan("situation", "goal", "objective", "scope", "activities", " ");
        pilotProposedAtOpenCpm10()
                .given(SELECTED)
                .when(new ApproveHighLevelPlan(PILOT, CPM_10, amended, CPM_CHAIR, "Amended"))
                .expectViolation("Y2", "missing [F]");
    }

    @Test
    void Y3_delegation_to_the_secretariat_with_bureau_guidance_is_recorded() {
        pilotProposedAtOpenCpm10()
                .given(SELECTED, APPROVED)
                .when(new DelegateDevelopment(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"))
                .expectEvents(DELEGATED);
    }

    @Test
    void Y3_delegation_names_the_secretariat_and_the_bureau() {
        pilotProposedAtOpenCpm10()
                .given(SELECTED, APPROVED)
                .when(new DelegateDevelopment(PILOT, CPM_10, Body.BUREAU, Body.SECRETARIAT, CPM_CHAIR, "Swapped"))
                .expectViolation("Y3", "not BUREAU and SECRETARIAT");
    }

    @Test
    void Y4_closing_the_year_1_session_lapses_the_proposals_it_did_not_select() {
        pilotProposedAtOpenCpm10()
                .given(
                        new PriorityProposed(ROUND_10, CPM_10, SECOND, "diagnostics", SECRETARIAT, "Second"),
                        proposed(SECOND, "diagnostics"),
                        SELECTED,
                        APPROVED,
                        DELEGATED)
                .when(new CloseSession(CPM_10, CPM_CHAIR, "Closing"))
                .expectEvents(
                        new ProposalNotSelected(SECOND, CPM_10, CPM_CHAIR, "CPM-10 closed without selecting it"),
                        new SessionClosed(CPM_10, List.of(SECOND), CPM_CHAIR, "Closing"));
    }

    @Test
    void Y4_the_session_cannot_close_over_an_unfinished_year_1_package() {
        pilotProposedAtOpenCpm10()
                .given(SELECTED)
                .when(new CloseSession(CPM_10, CPM_CHAIR, "Closing"))
                .expectViolation(
                        "Y4",
                        "CPM-10 cannot close: selection, approval and delegation are one package, unfinished for [pilot-surveillance (SELECTED)]");
    }

    @Test
    void Y4_a_withdrawn_proposal_is_not_selected() {
        pilotProposedAtOpenCpm10()
                .given(new ProposalWithdrawn(PILOT, SECRETARIAT, "Withdrawn"))
                .when(new SelectPriority(PILOT, CPM_10, CPM_CHAIR, "Selected"))
                .expectViolation(
                        "Y1", "selectPriority needs a programme in stage PROPOSED; pilot-surveillance is WITHDRAWN");
    }

    // A2 ---------------------------------------------------------------------------------------------------------

    @Test
    void A2_a_command_that_breaks_a_rule_changes_nothing_and_names_the_rule() {
        pilotProposedAtOpenCpm10().given(SELECTED);
        long stored = commission.storedEvents();
        commission
                .when(new CloseSession(CPM_10, CPM_CHAIR, "Closing too early"))
                .expectViolation("Y4", "unfinished for [pilot-surveillance (SELECTED)]");
        org.assertj.core.api.Assertions.assertThat(commission.storedEvents()).isEqualTo(stored);
        org.assertj.core.api.Assertions.assertThat(commission.history(CPM_10))
                .doesNotHaveAnyElementsOfTypes(SessionClosed.class);
        org.assertj.core.api.Assertions.assertThat(commission.history(PILOT))
                .containsExactly(pilotProposed(), SELECTED);
    }

    @Test
    void A2_after_a_refusal_the_records_are_as_they_were_and_the_next_legal_command_is_accepted() {
        pilotProposedAtOpenCpm10()
                .given(SELECTED)
                .when(new DelegateDevelopment(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Too early"))
                .expectViolation("Y1", "delegateDevelopment needs a programme in stage APPROVED");
        commission
                .when(new ApproveHighLevelPlan(PILOT, CPM_10, null, CPM_CHAIR, "Approved"))
                .expectEvents(APPROVED);
        commission
                .when(new DelegateDevelopment(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"))
                .expectEvents(DELEGATED);
    }

    // Y5 and M4 --------------------------------------------------------------------------------------------------

    private CommissionHarness pilotWithPlanAndCpm10Closed() {
        return pilotProposedAtOpenCpm10()
                .given(
                        SELECTED,
                        APPROVED,
                        DELEGATED,
                        closed(CPM_10),
                        new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "Plan"));
    }

    @Test
    void Y5_the_plan_is_presented_at_the_next_session() {
        pilotWithPlanAndCpm10Closed()
                .given(scheduled(CPM_11), opened(CPM_11))
                .when(new PresentPlan(PILOT, CPM_11, "Summary", "https://www.ippc.int/plan", SECRETARIAT, "Year 2"))
                .expectEvents(new PlanPresented(
                        PILOT, CPM_11, 1, "Summary", "https://www.ippc.int/plan", false, SECRETARIAT, "Year 2"));
    }

    @Test
    void Y5_a_presentation_after_the_next_session_is_flagged_as_delayed() {
        pilotWithPlanAndCpm10Closed()
                .given(scheduled(CPM_11), opened(CPM_11), closed(CPM_11), scheduled(CPM_12), opened(CPM_12))
                .when(new PresentPlan(PILOT, CPM_12, "Summary", "https://www.ippc.int/plan", SECRETARIAT, "Late"))
                .expectEvents(new PlanPresented(
                        PILOT, CPM_12, 1, "Summary", "https://www.ippc.int/plan", true, SECRETARIAT, "Late"));
    }

    @Test
    void Y5_the_plan_is_not_presented_at_the_year_1_session() {
        pilotProposedAtOpenCpm10()
                .given(
                        SELECTED,
                        APPROVED,
                        DELEGATED,
                        new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "Plan"))
                .when(new PresentPlan(PILOT, CPM_10, "Summary", "https://www.ippc.int/plan", SECRETARIAT, "Too early"))
                .expectViolation("Y5", "later than the year-1 session CPM-10, not at CPM-10");
    }

    @Test
    void Y5_the_plan_is_presented_at_an_open_session() {
        pilotWithPlanAndCpm10Closed()
                .given(scheduled(CPM_11))
                .when(new PresentPlan(PILOT, CPM_11, "Summary", "https://www.ippc.int/plan", SECRETARIAT, "Year 2"))
                .expectViolation("Y5", "PresentPlan must be taken at an open session; CPM-11 is SCHEDULED");
    }

    @Test
    void D3_the_plan_is_submitted_before_it_is_presented() {
        pilotProposedAtOpenCpm10()
                .given(SELECTED, APPROVED, DELEGATED, closed(CPM_10), scheduled(CPM_11), opened(CPM_11))
                .when(new PresentPlan(PILOT, CPM_11, "Summary", "https://www.ippc.int/plan", SECRETARIAT, "No plan"))
                .expectViolation(
                        "D3",
                        "presentPlan needs a programme in stage DETAILED_PLAN_SUBMITTED; pilot-surveillance is DEVELOPMENT_DELEGATED");
    }

    @Test
    void M4_the_CPM_closes_a_programme_under_management_at_an_open_session() {
        pilotWithPlanAndCpm10Closed()
                .given(
                        scheduled(CPM_11),
                        opened(CPM_11),
                        new PlanPresented(
                                PILOT, CPM_11, 1, "Summary", "https://www.ippc.int/plan", false, SECRETARIAT, "Year 2"))
                .when(new CloseProgramme(PILOT, CPM_11, "Surveillance capacity established", CPM_CHAIR, "Done"))
                .expectEvents(
                        new ProgrammeClosed(PILOT, CPM_11, "Surveillance capacity established", CPM_CHAIR, "Done"));
    }

    @Test
    void M4_a_programme_not_yet_under_management_cannot_be_closed() {
        pilotWithPlanAndCpm10Closed()
                .given(scheduled(CPM_11), opened(CPM_11))
                .when(new CloseProgramme(PILOT, CPM_11, "Outcome", CPM_CHAIR, "Too early"))
                .expectViolation(
                        "M4",
                        "closeProgramme needs a programme in stage UNDER_MANAGEMENT; pilot-surveillance is DETAILED_PLAN_SUBMITTED");
    }

    @Test
    void M4_S2_a_programme_is_closed_only_at_an_open_session() {
        pilotWithPlanAndCpm10Closed()
                .given(
                        scheduled(CPM_11),
                        opened(CPM_11),
                        new PlanPresented(
                                PILOT, CPM_11, 1, "Summary", "https://www.ippc.int/plan", false, SECRETARIAT, "Year 2"),
                        closed(CPM_11))
                .when(new CloseProgramme(PILOT, CPM_11, "Outcome", CPM_CHAIR, "After the session"))
                .expectViolation("S2", "CloseProgramme must be taken at an open session; CPM-11 is CLOSED");
    }

    // C1 ---------------------------------------------------------------------------------------------------------

    private static RecordDecision decision6(List<org.ippc.cpm.domain.decision.ActionItem> items) {
        return new RecordDecision(
                new DecisionId("CPM-9-6"), CPM_9, 6, "Pilot work plan on surveillance", items, CPM_CHAIR, "OEWG");
    }

    @Test
    void C1_a_decision_with_action_items_due_later_is_recorded_at_an_open_session() {
        var items = List.of(actionItem("6a", Body.SECRETARIAT, CPM_10));
        commission
                .given(scheduled(CPM_9), opened(CPM_9))
                .when(decision6(items))
                .expectEvents(new DecisionRecorded(
                        new DecisionId("CPM-9-6"),
                        CPM_9,
                        6,
                        "Pilot work plan on surveillance",
                        items,
                        CPM_CHAIR,
                        "OEWG"));
    }

    @Test
    void C1_a_decision_needs_at_least_one_action_item() {
        commission
                .given(scheduled(CPM_9), opened(CPM_9))
                .when(decision6(List.of()))
                .expectViolation("C1", "must carry at least one action item");
    }

    @Test
    void C1_an_action_item_is_due_at_a_later_session() {
        commission
                .given(scheduled(CPM_9), opened(CPM_9))
                .when(decision6(List.of(actionItem("6a", Body.SECRETARIAT, CPM_9))))
                .expectViolation(
                        "C1", "action item 6a is due at CPM-9, which is not later than the deciding session CPM-9");
    }

    @Test
    void C1_a_decision_number_is_recorded_once() {
        var items = List.of(actionItem("6a", Body.SECRETARIAT, CPM_10));
        commission
                .given(scheduled(CPM_9), opened(CPM_9))
                .run(decision6(items))
                .when(decision6(items))
                .expectViolation("C1", "decision CPM-9-6 is already recorded; a correction is a new decision");
    }

    @Test
    void C1_S2_a_decision_is_recorded_only_at_an_open_session() {
        commission
                .given(scheduled(CPM_9))
                .when(decision6(List.of(actionItem("6a", Body.SECRETARIAT, CPM_10))))
                .expectViolation("S2", "RecordDecision must be taken at an open session; CPM-9 is SCHEDULED");
    }

    @Test
    void C3_opening_the_due_session_marks_unreported_items_overdue() {
        var items = List.of(actionItem("6a", Body.SECRETARIAT, CPM_10), actionItem("6b", Body.SPG, CPM_10));
        commission
                .given(scheduled(CPM_9), opened(CPM_9))
                .run(decision6(items))
                .run(new org.ippc.cpm.domain.decision.ReportOnActionItem(
                        new DecisionId("CPM-9-6"), "6a", null, SECRETARIAT, "Done"))
                .given(closed(CPM_9), scheduled(CPM_10))
                .when(new OpenSession(CPM_10, CPM_CHAIR, "Opening"))
                .expectEvents(
                        new SessionOpened(CPM_10, CPM_CHAIR, "Opening"),
                        new org.ippc.cpm.domain.decision.ActionItemOverdue(
                                new DecisionId("CPM-9-6"),
                                "6b",
                                CPM_10,
                                org.ippc.cpm.domain.shared.Actor.engine(),
                                "CPM-10 opened without a report on action item 6b"));
    }
}
