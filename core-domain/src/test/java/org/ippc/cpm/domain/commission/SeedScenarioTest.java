package org.ippc.cpm.domain.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ippc.cpm.domain.Seed.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.decision.ActionItemOverdue;
import org.ippc.cpm.domain.decision.RecordDecision;
import org.ippc.cpm.domain.decision.ReportOnActionItem;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.round.CloseInput;
import org.ippc.cpm.domain.round.CompleteAnalysis;
import org.ippc.cpm.domain.round.EstablishSelectionCriteria;
import org.ippc.cpm.domain.round.OpenRound;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.round.SubmitInput;
import org.ippc.cpm.domain.seed.SeedStory;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.session.OpenSession;
import org.ippc.cpm.domain.session.ScheduleSession;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed document's own story, end to end through the command bus: CPM-9's decisions 4-6, the CPM-10 round,
 * the pilot on surveillance selected, approved and delegated while the second proposal lapses, experts and the
 * detailed plan, the presentation at CPM-11 with a side session, management, and the closure at CPM-12.
 */
class SeedScenarioTest {

    private static final Actor NAPPO = new Actor(Role.RPPO, "nappo-officer", "NAPPO");
    private static final Actor FR = new Actor(Role.CONTRACTING_PARTY, "fr-delegate", "FR");
    private static final Actor SECOND_EXPERT = new Actor(Role.EXPERT, "expert-ben");
    private static final DecisionId D4 = new DecisionId("CPM-9-4");
    private static final DecisionId D5 = new DecisionId("CPM-9-5");
    private static final DecisionId D6 = new DecisionId("CPM-9-6");

    private Clock systemClock;
    private CommissionHarness commission;

    @BeforeEach
    void setUp() {
        systemClock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(ROUND_OPENS, ZoneOffset.UTC);
        commission = new CommissionHarness();
    }

    @AfterEach
    void tearDown() {
        commission.close();
        GenericEventMessage.clock = systemClock;
    }

    @Test
    void the_demo_s_seed_story_is_accepted_step_by_step_by_the_domain() {
        commission.run(SeedStory.commands().toArray());
        assertThat(types(commission.history(SeedStory.PILOT)))
                .startsWith("ProgrammeProposed", "PrioritySelected", "HighLevelPlanApproved", "DevelopmentDelegated")
                .contains("PlanPresented", "SideSessionRecorded")
                .endsWith("ProgressReported");
        assertThat(types(commission.history(SeedStory.DIAGNOSTICS)))
                .containsExactly("ProgrammeProposed", "ProposalNotSelected");
    }

    @Test
    void the_pilot_programme_on_surveillance_from_CPM_9_to_its_closure() {
        cpm9TakesDecisions4To6();
        cpm10RoundAnalysesInputAndProposesTwoPriorities();
        cpm10SelectsApprovesAndDelegatesThePilot();
        theSecretariatDevelopsTheDetailedPlanWithExperts();
        cpm11HearsThePlanWithASideSession();
        theProgrammeIsManagedAndClosedAtCpm12();

        assertThat(types(commission.history(PILOT)))
                .containsExactly(
                        "ProgrammeProposed",
                        "PrioritySelected",
                        "HighLevelPlanApproved",
                        "DevelopmentDelegated",
                        "ResourcesPledged",
                        "ExpertAppointed",
                        "ExpertAppointed",
                        "DetailedPlanSubmitted",
                        "DetailedPlanCommented",
                        "DetailedPlanRevised",
                        "GuidanceGiven",
                        "ExpertReleased",
                        "ProgressReported",
                        "PlanPresented",
                        "SideSessionRecorded",
                        "ResourcesContributed",
                        "ResourcesContributed",
                        "ResourcesMobilised",
                        "ManagementActivityRecorded",
                        "ManagementActivityRecorded",
                        "ManagementActivityRecorded",
                        "PartyEngagementRecorded",
                        "PartyEngagementRecorded",
                        "ProgressReported",
                        "ProgrammeClosed");
        assertThat(commission.history(PILOT))
                .filteredOn(PlanPresented.class::isInstance)
                .singleElement()
                .extracting(e -> ((PlanPresented) e).delayed())
                .isEqualTo(false);
        assertThat(types(commission.history(SECOND))).containsExactly("ProgrammeProposed", "ProposalNotSelected");
        assertThat(commission.history(CPM_10))
                .filteredOn(SessionClosed.class::isInstance)
                .singleElement()
                .isEqualTo(new SessionClosed(CPM_10, List.of(SECOND), CPM_CHAIR, "CPM-10 ends"));
        assertThat(commission.history(D6))
                .filteredOn(ActionItemOverdue.class::isInstance)
                .containsExactly(new ActionItemOverdue(
                        D6, "6b", CPM_10, Actor.engine(), "CPM-10 opened without a report on action item 6b"));
        assertThat(commission.history(D5)).hasSize(3);
    }

    private void cpm9TakesDecisions4To6() {
        commission.run(
                schedule(CPM_9),
                open(CPM_9),
                decision(
                        D4,
                        4,
                        "Work with an OEWG and the Bureau on mechanisms to focus on implementation",
                        new ActionItem(
                                "4a",
                                Body.SECRETARIAT,
                                CPM_10,
                                "Establish the mechanisms with the OEWG and the Bureau")),
                decision(
                        D5,
                        5,
                        "Test the outcomes of the OEWG with the SPG and report back to CPM 10",
                        new ActionItem("5a", Body.SECRETARIAT, CPM_10, "Report back to CPM 10"),
                        new ActionItem(
                                "5b", Body.SPG, CPM_10, "Examine the general strategy for implementation programmes")),
                decision(
                        D6,
                        6,
                        "Develop a pilot work plan on surveillance and submit it to CPM 10 for approval",
                        new ActionItem("6a", Body.SECRETARIAT, CPM_10, "Submit a strategic work plan to CPM 10"),
                        new ActionItem(
                                "6b", Body.FINANCE_COMMITTEE, CPM_10, "Seek support for resourcing the programme")),
                schedule(CPM_10),
                new OpenRound(CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call for input to implementation priorities"),
                new CloseSession(CPM_9, CPM_CHAIR, "CPM-9 ends"),
                new ReportOnActionItem(D4, "4a", "OEWG report 2014", SECRETARIAT, "Mechanisms proposed"),
                new ReportOnActionItem(D5, "5a", "CPM 2015/05", SECRETARIAT, "Outcomes tested"),
                new ReportOnActionItem(D5, "5b", "SPG 2014 report", SPG, "Strategy examined"),
                new ReportOnActionItem(D6, "6a", "CPM 2015/12", SECRETARIAT, "Strategic work plan submitted"));
    }

    private void cpm10RoundAnalysesInputAndProposesTwoPriorities() {
        commission.run(
                new SubmitInput(ROUND_10, "NZ-2014-07", NZ, "Surveillance underpins pest status"),
                new SubmitInput(ROUND_10, null, KE, "Diagnostics capacity is limited"),
                new SubmitInput(ROUND_10, null, BR, "Surveillance of quarantine pests"),
                new SubmitInput(ROUND_10, null, FR, "Support the pilot approach"),
                new SubmitInput(ROUND_10, "EPPO-2014-3", EPPO, "Regional surveillance priorities"),
                new SubmitInput(ROUND_10, null, NAPPO, "Regional coordination"),
                new EstablishSelectionCriteria(ROUND_10, CRITERIA, SECRETARIAT, "OEWG recommendation"),
                new CloseInput(ROUND_10, SECRETARIAT, "Input complete for the analysis"),
                new CompleteAnalysis(ROUND_10, options(), "CPM 2015/12", SECRETARIAT, "Options weighed"),
                new ProposePriority(
                        ROUND_10,
                        PILOT,
                        "surveillance",
                        "Pilot programme on surveillance",
                        "Article IV.2(b)",
                        highLevelPlan(),
                        SECRETARIAT,
                        "Highest ranked"),
                new ProposePriority(
                        ROUND_10,
                        SECOND,
                        "diagnostics",
                        "Diagnostic capacity",
                        "Article IV.2(c)",
                        highLevelPlan(),
                        SECRETARIAT,
                        "Second ranked"));
    }

    private void cpm10SelectsApprovesAndDelegatesThePilot() {
        commission.run(
                open(CPM_10),
                new SelectPriority(PILOT, CPM_10, CPM_CHAIR, "CPM-10 selects surveillance"),
                new ApproveHighLevelPlan(PILOT, CPM_10, null, CPM_CHAIR, "Approved at the time of selection"),
                new DelegateDevelopment(
                        PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Develop the detailed plan"),
                new PledgeResources(PILOT, funds("250000"), NZ, "Pledged at CPM-10"),
                new CloseSession(CPM_10, CPM_CHAIR, "CPM-10 ends"));
    }

    private void theSecretariatDevelopsTheDetailedPlanWithExperts() {
        commission.run(
                new AppointExpert(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"),
                new AppointExpert(
                        PILOT,
                        new ExpertId(SECOND_EXPERT.person()),
                        "Ben Expert",
                        "Diagnostics",
                        SECRETARIAT,
                        "Advice"),
                new SubmitDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "First version"),
                new CommentOnDetailedPlan(PILOT, 1, EXPERT, "Add a sampling design"),
                new ReviseDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "Sampling design added"),
                new GiveGuidance(PILOT, BUREAU, "Start with two regions"),
                new ReleaseExpert(PILOT, new ExpertId(SECOND_EXPERT.person()), SECRETARIAT, "Advice complete"));
    }

    private void cpm11HearsThePlanWithASideSession() {
        commission.run(
                schedule(CPM_11),
                open(CPM_11),
                new ReportProgress(PILOT, CPM_11, "CPM 2016/20", SECRETARIAT, "Plan developed"),
                new PresentPlan(
                        PILOT,
                        CPM_11,
                        "Summary of the surveillance plan",
                        "https://www.ippc.int/surveillance",
                        SECRETARIAT,
                        "Year-2 presentation"),
                new RecordSideSession(PILOT, CPM_11, "How parties can contribute", SECRETARIAT, "Side session held"));
    }

    private void theProgrammeIsManagedAndClosedAtCpm12() {
        commission.run(
                new ContributeResources(PILOT, funds("200000"), NZ, "Trust fund"),
                new ContributeResources(
                        PILOT,
                        new Resource(ResourceKind.IN_KIND, new BigDecimal("30000"), "Translation of the guide"),
                        EPPO,
                        "Translation"),
                new RecordResourceMobilisation(PILOT, funds("500000"), FINANCE_COMMITTEE, "Donors' conference"),
                new RecordManagementActivity(PILOT, ManagementActivity.MONITORING, SECRETARIAT, "Quarterly review"),
                new RecordManagementActivity(PILOT, ManagementActivity.COMMUNICATIONS, SECRETARIAT, "Milestone news"),
                new RecordManagementActivity(
                        PILOT, ManagementActivity.RESOURCE_MOBILISATION, SECRETARIAT, "Donor visits"),
                new RecordPartyEngagement(PILOT, PartyEngagement.COMMITMENT, KE, "Kenya commits to the plan"),
                new RecordPartyEngagement(PILOT, PartyEngagement.ACHIEVEMENT, NZ, "Survey network running"),
                new CloseSession(CPM_11, CPM_CHAIR, "CPM-11 ends"),
                schedule(CPM_12),
                open(CPM_12),
                new ReportProgress(PILOT, CPM_12, "CPM 2017/15", SECRETARIAT, "Final report"),
                new CloseProgramme(
                        PILOT,
                        CPM_12,
                        "Surveillance guide adopted; two regional networks running",
                        CPM_CHAIR,
                        "Objectives met"));
    }

    private static ScheduleSession schedule(SessionId id) {
        return new ScheduleSession(id, id.year(), CPM_CHAIR, "Annual session");
    }

    private static OpenSession open(SessionId id) {
        return new OpenSession(id, CPM_CHAIR, id + " opens");
    }

    private static RecordDecision decision(DecisionId id, int number, String text, ActionItem... items) {
        return new RecordDecision(id, CPM_9, number, text, List.of(items), CPM_CHAIR, "OEWG report");
    }

    private static List<String> types(List<Object> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
