package org.ippc.cpm.domain.programme;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.ippc.cpm.domain.Seed.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules the programme enforces on its own (D1-D3, Y2, Y4's withdrawal, Y6, M1-M3, A1). */
class ProgrammeTest {

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    private void expectViolation(List<Object> given, Object command, String rule, String text) {
        fixture.given(given)
                .when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith(rule + ": "))
                .expectExceptionMessage(containsString(text))
                .expectNoEvents();
    }

    @Test
    void Y4_the_secretariat_withdraws_a_proposal_before_selection() {
        fixture.given(ProgrammeHistory.proposed())
                .when(new WithdrawProposal(PILOT, SECRETARIAT, "Superseded"))
                .expectEvents(new ProposalWithdrawn(PILOT, SECRETARIAT, "Superseded"));
    }

    @Test
    void Y4_a_selected_proposal_cannot_be_withdrawn() {
        expectViolation(
                ProgrammeHistory.approved(),
                new WithdrawProposal(PILOT, SECRETARIAT, "Too late"),
                "Y4",
                "withdrawProposal needs a programme in stage PROPOSED; pilot-surveillance is APPROVED");
    }

    @Test
    void D1_the_secretariat_appoints_experts_after_delegation() {
        fixture.given(ProgrammeHistory.delegated())
                .when(new AppointExpert(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"))
                .expectEvents(new ExpertAppointed(
                        PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"));
    }

    @Test
    void D1_experts_are_not_appointed_before_delegation() {
        expectViolation(
                ProgrammeHistory.approved(),
                new AppointExpert(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Too early"),
                "D1",
                "appointExpert needs a programme in stage DEVELOPMENT_DELEGATED or DETAILED_PLAN_SUBMITTED or UNDER_MANAGEMENT; pilot-surveillance is");
    }

    @Test
    void D1_only_the_secretariat_appoints_experts() {
        expectViolation(
                ProgrammeHistory.delegated(),
                new AppointExpert(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", BUREAU, "Not ours"),
                "D1",
                "AppointExpert may be issued by [SECRETARIAT]");
    }

    @Test
    void D1_the_composition_changes_by_releasing_an_appointed_expert() {
        fixture.given(ProgrammeHistory.planSubmitted())
                .when(new ReleaseExpert(PILOT, EXPERT_ID, SECRETARIAT, "Term ended"))
                .expectEvents(new ExpertReleased(PILOT, EXPERT_ID, SECRETARIAT, "Term ended"));
    }

    @Test
    void D1_an_expert_who_is_not_appointed_cannot_be_released() {
        expectViolation(
                ProgrammeHistory.delegated(),
                new ReleaseExpert(PILOT, new ExpertId("nobody"), SECRETARIAT, "?"),
                "D1",
                "nobody is not appointed");
    }

    @Test
    void D1_an_appointed_expert_comments_on_the_plan() {
        fixture.given(ProgrammeHistory.planSubmitted())
                .when(new CommentOnDetailedPlan(PILOT, 1, EXPERT, "Add a sampling design"))
                .expectEvents(new DetailedPlanCommented(PILOT, 1, EXPERT, "Add a sampling design"));
    }

    @Test
    void D1_an_expert_not_appointed_to_the_programme_cannot_comment() {
        List<Object> released = new ArrayList<>(ProgrammeHistory.planSubmitted());
        released.add(new ExpertReleased(PILOT, EXPERT_ID, SECRETARIAT, "Term ended"));
        expectViolation(
                released,
                new CommentOnDetailedPlan(PILOT, 1, EXPERT, "Still here"),
                "D1",
                "only an expert appointed to pilot-surveillance comments");
    }

    @Test
    void D2_a_complete_detailed_plan_is_submitted() {
        fixture.given(ProgrammeHistory.delegated())
                .when(new SubmitDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "First version"))
                .expectEvents(new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "First version"));
    }

    @Test
    void D2_the_detailed_plan_needs_all_seven_elements_management_components_a_project_and_resources() {
        DetailedPlan incomplete = new DetailedPlan(highLevelPlan(), " ", "strategic", null, List.of(), null);
        expectViolation(
                ProgrammeHistory.delegated(),
                new SubmitDetailedPlan(PILOT, incomplete, SECRETARIAT, "Draft"),
                "D2",
                "[element G (risks), operational management component, a project or activity, the resources it needs]");
    }

    @Test
    void Y2_the_detailed_plan_is_checked_against_the_approved_text() {
        HighLevelPlan drifted = new HighLevelPlan("a", "A different goal", "b", "c", "d", "e");
        DetailedPlan plan =
                new DetailedPlan(drifted, "risks", "strategic", "operational", List.of("p"), BigDecimal.TEN);
        expectViolation(
                ProgrammeHistory.delegated(),
                new SubmitDetailedPlan(PILOT, plan, SECRETARIAT, "Draft"),
                "Y2",
                "goal, objective and scope must be the approved text");
    }

    @Test
    void D3_the_plan_is_revised_as_a_new_version_until_presentation() {
        fixture.given(ProgrammeHistory.planSubmitted())
                .when(new ReviseDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "Expert comments"))
                .expectEvents(new DetailedPlanRevised(PILOT, 2, detailedPlan(), SECRETARIAT, "Expert comments"));
    }

    @Test
    void D3_a_presented_plan_cannot_be_revised() {
        expectViolation(
                ProgrammeHistory.underManagement(),
                new ReviseDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "After the fact"),
                "D3",
                "reviseDetailedPlan needs a programme in stage DETAILED_PLAN_SUBMITTED");
    }

    @Test
    void D3_a_submitted_plan_is_revised_not_submitted_again() {
        expectViolation(
                ProgrammeHistory.planSubmitted(),
                new SubmitDetailedPlan(PILOT, detailedPlan(), SECRETARIAT, "Again"),
                "D3",
                "submitDetailedPlan needs a programme in stage DEVELOPMENT_DELEGATED");
    }

    @Test
    void Y6_a_side_session_is_recorded_at_the_year_2_session() {
        fixture.given(ProgrammeHistory.underManagement())
                .when(new RecordSideSession(PILOT, CPM_11, "Contributing to surveillance", SECRETARIAT, "Side session"))
                .expectEvents(new SideSessionRecorded(
                        PILOT, CPM_11, "Contributing to surveillance", SECRETARIAT, "Side session"));
    }

    @Test
    void Y6_a_side_session_at_another_session_is_refused() {
        expectViolation(
                ProgrammeHistory.underManagement(),
                new RecordSideSession(PILOT, CPM_12, "Later", SECRETARIAT, "Side session"),
                "Y6",
                "at the year-2 session of pilot-surveillance (CPM-11), not at CPM-12");
    }

    @Test
    void M1_parties_pledge_and_contribute_from_approval_on() {
        fixture.given(ProgrammeHistory.approved())
                .when(new PledgeResources(PILOT, funds("250000"), NZ, "Pledge at CPM-10"))
                .expectEvents(new ResourcesPledged(PILOT, funds("250000"), NZ, "Pledge at CPM-10"));
        fixture.given(ProgrammeHistory.underManagement())
                .when(new ContributeResources(
                        PILOT,
                        new Resource(ResourceKind.IN_KIND, new BigDecimal("30000"), "Translation into Spanish"),
                        EPPO,
                        "Translation"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void M1_resources_are_not_pledged_before_approval() {
        expectViolation(
                ProgrammeHistory.proposed(),
                new PledgeResources(PILOT, funds("1000"), KE, "Early"),
                "M1",
                "pledgeResources needs a programme in stage APPROVED or DEVELOPMENT_DELEGATED or DETAILED_PLAN_SUBMITTED or UNDER_MANAGEMENT; pilot-surveillance is PROPOSED");
    }

    @Test
    void M1_the_finance_committee_mobilises_resources_and_parties_may_not() {
        fixture.given(ProgrammeHistory.delegated())
                .when(new RecordResourceMobilisation(PILOT, funds("500000"), FINANCE_COMMITTEE, "Donor conference"))
                .expectEvents(new ResourcesMobilised(PILOT, funds("500000"), FINANCE_COMMITTEE, "Donor conference"));
        expectViolation(
                ProgrammeHistory.delegated(),
                new RecordResourceMobilisation(PILOT, funds("500000"), NZ, "Not ours"),
                "M1",
                "RecordResourceMobilisation may be issued by [FINANCE_COMMITTEE]");
    }

    @Test
    void M2_the_secretariat_records_management_activities_under_management() {
        fixture.given(ProgrammeHistory.underManagement())
                .when(new RecordManagementActivity(
                        PILOT, ManagementActivity.MONITORING, SECRETARIAT, "Quarterly review"))
                .expectEvents(new ManagementActivityRecorded(
                        PILOT, ManagementActivity.MONITORING, SECRETARIAT, "Quarterly review"));
    }

    @Test
    void M2_management_activities_wait_for_the_presentation() {
        expectViolation(
                ProgrammeHistory.planSubmitted(),
                new RecordManagementActivity(PILOT, ManagementActivity.ADVOCACY, SECRETARIAT, "Early"),
                "M2",
                "recordManagementActivity needs a programme in stage UNDER_MANAGEMENT; pilot-surveillance is DETAILED_PLAN_SUBMITTED");
    }

    @Test
    void M2_parties_record_engagement_and_the_bureau_guidance() {
        fixture.given(ProgrammeHistory.underManagement())
                .when(new RecordPartyEngagement(PILOT, PartyEngagement.IN_COUNTRY_MONITORING, KE, "Field surveys"))
                .expectEvents(
                        new PartyEngagementRecorded(PILOT, PartyEngagement.IN_COUNTRY_MONITORING, KE, "Field surveys"));
        fixture.given(ProgrammeHistory.underManagement())
                .when(new GiveGuidance(PILOT, BUREAU, "Focus on two regions"))
                .expectEvents(new GuidanceGiven(PILOT, BUREAU, "Focus on two regions"));
        expectViolation(
                ProgrammeHistory.underManagement(),
                new GiveGuidance(PILOT, SECRETARIAT, "Not ours"),
                "M2",
                "GiveGuidance may be issued by [BUREAU]");
    }

    @Test
    void M3_one_report_per_session_and_a_second_one_revises_it() {
        List<Object> reported = new ArrayList<>(ProgrammeHistory.underManagement());
        reported.add(new ProgressReported(PILOT, CPM_11, 1, "CPM 2016/20", SECRETARIAT, "Progress"));
        fixture.given(reported)
                .when(new ReportProgress(PILOT, CPM_11, "CPM 2016/20 Rev.1", SECRETARIAT, "Corrected figures"))
                .expectEvents(
                        new ProgressReported(PILOT, CPM_11, 2, "CPM 2016/20 Rev.1", SECRETARIAT, "Corrected figures"));
    }

    @Test
    void M3_progress_is_reported_to_sessions_after_the_year_1_session() {
        expectViolation(
                ProgrammeHistory.delegated(),
                new ReportProgress(PILOT, CPM_10, null, SECRETARIAT, "Same session"),
                "M3",
                "after the year-1 session CPM-10, not to CPM-10");
    }

    @Test
    void A1_a_correction_is_a_new_event_naming_the_event_it_corrects() {
        fixture.given(ProgrammeHistory.underManagement())
                .when(new CorrectRecord(
                        PILOT, 2, "The approval was at CPM-10's second sitting", SECRETARIAT, "Minutes"))
                .expectEvents(new RecordCorrected(
                        PILOT, 2, "The approval was at CPM-10's second sitting", SECRETARIAT, "Minutes"));
    }

    @Test
    void A1_a_correction_must_name_an_event_that_exists() {
        expectViolation(
                ProgrammeHistory.proposed(),
                new CorrectRecord(PILOT, 5, "Nothing", SECRETARIAT, "?"),
                "A1",
                "sequence 0 to 0), not 5");
    }

    @Test
    void A3_roles_are_checked_in_the_domain_too() {
        expectViolation(
                ProgrammeHistory.delegated(),
                new SubmitDetailedPlan(PILOT, detailedPlan(), new Actor(Role.VIEWER, "someone"), "Not allowed"),
                "A3",
                "SubmitDetailedPlan may be issued by [SECRETARIAT], not by VIEWER someone");
    }
}
