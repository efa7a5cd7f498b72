package org.ippc.cpm.command.api;

import static org.ippc.cpm.domain.shared.Role.SECRETARIAT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.decision.RecordDecision;
import org.ippc.cpm.domain.decision.ReportOnActionItem;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.round.AnalysedOption;
import org.ippc.cpm.domain.round.Assessment;
import org.ippc.cpm.domain.round.CloseInput;
import org.ippc.cpm.domain.round.CompleteAnalysis;
import org.ippc.cpm.domain.round.EstablishSelectionCriteria;
import org.ippc.cpm.domain.round.OpenRound;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.round.SubmitInput;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.session.OpenSession;
import org.ippc.cpm.domain.session.ScheduleSession;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ApiName;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RoleTable;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * Every command of the domain that people issue, with who may issue it (the domain's role table). {@code MarkActionItemOverdue} is the
 * engine's own (C3) and has no endpoint.
 */
public final class CommandCatalog {

    private static final Actor EXAMPLE_ACTOR = new Actor(SECRETARIAT, "example");
    private static final SessionId CPM_10 = SessionId.of(10);
    private static final SessionId CPM_11 = SessionId.of(11);
    private static final RoundId ROUND = RoundId.forSession(CPM_10);
    private static final ProgrammeId PILOT = new ProgrammeId("pilot-surveillance");
    private static final HighLevelPlan PLAN = new HighLevelPlan(
            "Surveillance capacity varies widely",
            "Parties run surveillance that supports pest status",
            "Improve implementation of ISPM 6",
            "NPPOs of developing countries first",
            "Guides, e-learning, regional workshops",
            "Parties reporting pest status from surveillance");
    private static final DetailedPlan DETAILED = new DetailedPlan(
            PLAN,
            "No allocated funding",
            "Secretariat leads with Bureau guidance",
            "Quarterly work packages",
            List.of("Surveillance guide"),
            new BigDecimal("1200000"));
    private static final Resource FUNDS = new Resource(ResourceKind.FUNDS, new BigDecimal("250000"), "Trust fund");

    private static final Map<String, CommandType> TYPES = new LinkedHashMap<>();

    static {
        add(
                "The CPM schedules session CPM-n, held in year 2005 + n (S1)",
                new ScheduleSession(CPM_10, 2015, EXAMPLE_ACTOR, "Rome, March 2015"));
        add("The CPM opens a scheduled session (S1)", new OpenSession(CPM_10, EXAMPLE_ACTOR, "Opening"));
        add(
                "The CPM closes its open session; unselected proposals lapse (S1, Y4)",
                new CloseSession(CPM_10, EXAMPLE_ACTOR, "Closing"));
        add(
                "The Secretariat opens the prioritisation round for a session (P1)",
                new OpenRound(CPM_10, Instant.parse("2030-11-30T23:59:59Z"), EXAMPLE_ACTOR, "Call for input"));
        add(
                "A contracting party or RPPO gives input to the round (P1)",
                new SubmitInput(ROUND, "NZ-2014-07", EXAMPLE_ACTOR, "Surveillance underpins pest status"));
        add("The Secretariat closes input early (P1)", new CloseInput(ROUND, EXAMPLE_ACTOR, "Enough input"));
        add(
                "The Secretariat establishes the selection criteria (P2)",
                new EstablishSelectionCriteria(
                        ROUND, List.of("strategic global impact", "feasibility"), EXAMPLE_ACTOR, "OEWG"));
        add(
                "The Secretariat completes the analysis with the options it weighed (P2)",
                new CompleteAnalysis(
                        ROUND,
                        List.of(new AnalysedOption(
                                "surveillance",
                                "Pilot on surveillance",
                                List.of(
                                        new Assessment("strategic global impact", "high"),
                                        new Assessment("feasibility", "medium")))),
                        "CPM 2015/12",
                        EXAMPLE_ACTOR,
                        "Options weighed"));
        add(
                "The Secretariat proposes an analysed option as a priority (P3-P6)",
                new ProposePriority(
                        ROUND,
                        PILOT,
                        "surveillance",
                        "Pilot programme on surveillance",
                        "Article IV.2(b)",
                        PLAN,
                        EXAMPLE_ACTOR,
                        "Highest ranked option"));
        add(
                "The Secretariat withdraws a proposal before selection (Y4)",
                new WithdrawProposal(PILOT, EXAMPLE_ACTOR, "Merged into another proposal"));
        add(
                "The CPM selects the priority at the session it was proposed to (Y1, S2)",
                new SelectPriority(PILOT, CPM_10, EXAMPLE_ACTOR, "Selected"));
        add(
                "The CPM approves the high-level work plan, possibly amended (Y1, Y2, S2)",
                new ApproveHighLevelPlan(PILOT, CPM_10, null, EXAMPLE_ACTOR, "Approved at selection"));
        add(
                "The CPM delegates development to the Secretariat and guidance to the Bureau (Y1, Y3, S2)",
                new DelegateDevelopment(
                        PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, EXAMPLE_ACTOR, "Develop the plan"));
        add(
                "The Secretariat appoints an expert (D1)",
                new AppointExpert(
                        PILOT, new ExpertId("expert"), "Ana Expert", "Surveillance design", EXAMPLE_ACTOR, "Advice"));
        add(
                "The Secretariat releases an expert (D1)",
                new ReleaseExpert(PILOT, new ExpertId("expert"), EXAMPLE_ACTOR, "Advice complete"));
        add(
                "The Secretariat submits the detailed plan (D2, D3)",
                new SubmitDetailedPlan(PILOT, DETAILED, EXAMPLE_ACTOR, "First version"));
        add(
                "The Secretariat submits a new version of the detailed plan (D3)",
                new ReviseDetailedPlan(PILOT, DETAILED, EXAMPLE_ACTOR, "Expert comments taken in"));
        add(
                "An appointed expert comments on a plan version (D1)",
                new CommentOnDetailedPlan(PILOT, 1, EXAMPLE_ACTOR, "Add a sampling design"));
        add(
                "The Secretariat presents the plan at a later open session (Y5)",
                new PresentPlan(
                        PILOT,
                        CPM_11,
                        "Summary of the plan",
                        "https://www.ippc.int/surveillance",
                        EXAMPLE_ACTOR,
                        "Year 2"));
        add(
                "The Secretariat records a side session at the year-2 session (Y6)",
                new RecordSideSession(PILOT, CPM_11, "How parties can contribute", EXAMPLE_ACTOR, "Side session held"));
        add("A party or RPPO pledges resources (M1)", new PledgeResources(PILOT, FUNDS, EXAMPLE_ACTOR, "Pledge"));
        add(
                "A party or RPPO contributes resources (M1)",
                new ContributeResources(PILOT, FUNDS, EXAMPLE_ACTOR, "Contribution"));
        add(
                "The Finance Committee records mobilised resources (M1)",
                new RecordResourceMobilisation(PILOT, FUNDS, EXAMPLE_ACTOR, "Donors' conference"));
        add(
                "The Secretariat records a management activity (M2)",
                new RecordManagementActivity(PILOT, ManagementActivity.MONITORING, EXAMPLE_ACTOR, "Quarterly review"));
        add(
                "A party or RPPO records its engagement (M2)",
                new RecordPartyEngagement(PILOT, PartyEngagement.COMMITMENT, EXAMPLE_ACTOR, "Commitment to the plan"));
        add(
                "The Bureau gives operational guidance (Y3, M2)",
                new GiveGuidance(PILOT, EXAMPLE_ACTOR, "Start with two regions"));
        add(
                "The Secretariat reports progress to a later session (M3)",
                new ReportProgress(PILOT, CPM_11, "CPM 2016/20", EXAMPLE_ACTOR, "Plan developed"));
        add(
                "The CPM closes a programme under management at an open session (M4, S2)",
                new CloseProgramme(PILOT, CPM_11, "Surveillance guide adopted", EXAMPLE_ACTOR, "Objectives met"));
        add(
                "Corrects an earlier event with a new one (A1)",
                new CorrectRecord(PILOT, 2, "Approved at the second sitting", EXAMPLE_ACTOR, "Minutes corrected"));
        add(
                "The CPM records a numbered decision with action items (C1, S2)",
                new RecordDecision(
                        new DecisionId("CPM-10-1"),
                        CPM_10,
                        1,
                        "Report on the pilot to CPM-11",
                        List.of(new ActionItem("1a", Body.SECRETARIAT, CPM_11, "Report progress")),
                        EXAMPLE_ACTOR,
                        "Plenary"));
        add(
                "The addressee body reports on its action item (C2)",
                new ReportOnActionItem(
                        new DecisionId("CPM-10-1"), "1a", "CPM 2016/05", EXAMPLE_ACTOR, "Progress reported"));
    }

    private CommandCatalog() {}

    /** The roles come from the domain's role table ({@code @IssuedBy} on the command), as the aggregates check them. */
    private static void add(String summary, Object example) {
        String name = ApiName.of(example.getClass());
        TYPES.put(
                name,
                new CommandType(name, example.getClass(), RoleTable.mayIssue(example.getClass()), example, summary));
    }

    public static Optional<CommandType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public static Collection<CommandType> all() {
        return TYPES.values();
    }
}
