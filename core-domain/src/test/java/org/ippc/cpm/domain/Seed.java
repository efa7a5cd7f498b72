package org.ippc.cpm.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.programme.DetailedPlan;
import org.ippc.cpm.domain.programme.HighLevelPlan;
import org.ippc.cpm.domain.programme.ProgrammeProposed;
import org.ippc.cpm.domain.programme.Resource;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.round.AnalysedOption;
import org.ippc.cpm.domain.round.Assessment;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;

/** Test data with fixed ids and times, drawn from the seed document's own story. */
public final class Seed {

    public static final SessionId CPM_9 = SessionId.of(9);
    public static final SessionId CPM_10 = SessionId.of(10);
    public static final SessionId CPM_11 = SessionId.of(11);
    public static final SessionId CPM_12 = SessionId.of(12);
    public static final RoundId ROUND_10 = RoundId.forSession(CPM_10);
    public static final ProgrammeId PILOT = new ProgrammeId("pilot-surveillance");
    public static final ProgrammeId SECOND = new ProgrammeId("ephyto-diagnostics");
    public static final ProgrammeId THIRD = new ProgrammeId("pest-reporting");
    public static final DecisionId DECISION_6 = new DecisionId("CPM-9-6");
    public static final ExpertId EXPERT_ID = new ExpertId("expert-ana");

    public static final Instant ROUND_OPENS = Instant.parse("2014-06-01T09:00:00Z");
    public static final Instant INPUT_DEADLINE = Instant.parse("2014-11-30T23:59:59Z");

    public static final Actor SECRETARIAT = new Actor(Role.SECRETARIAT, "ippc-secretary");
    public static final Actor CPM_CHAIR = new Actor(Role.CPM, "cpm-chair");
    public static final Actor BUREAU = new Actor(Role.BUREAU, "bureau-chair");
    public static final Actor FINANCE_COMMITTEE = new Actor(Role.FINANCE_COMMITTEE, "fc-chair");
    public static final Actor SPG = new Actor(Role.SPG, "spg-chair");
    public static final Actor NZ = new Actor(Role.CONTRACTING_PARTY, "nz-delegate", "NZ");
    public static final Actor KE = new Actor(Role.CONTRACTING_PARTY, "ke-delegate", "KE");
    public static final Actor BR = new Actor(Role.CONTRACTING_PARTY, "br-delegate", "BR");
    public static final Actor EPPO = new Actor(Role.RPPO, "eppo-officer", "EPPO");
    public static final Actor EXPERT = new Actor(Role.EXPERT, EXPERT_ID.value());
    public static final Actor VIEWER = new Actor(Role.VIEWER, "dashboard-user");

    public static final List<String> CRITERIA =
            List.of("strategic global impact", "feasibility with current resources");

    private Seed() {}

    public static HighLevelPlan highLevelPlan() {
        return new HighLevelPlan(
                "Surveillance capacity varies widely between contracting parties",
                "Contracting parties run surveillance that supports pest status and trade",
                "Improve implementation of ISPM 6 on surveillance",
                "National plant protection organisations of developing countries first",
                "Guides, e-learning, regional workshops, a surveillance pilot in two regions",
                "Number of parties reporting pest status from surveillance");
    }

    public static DetailedPlan detailedPlan() {
        return new DetailedPlan(
                highLevelPlan(),
                "No allocated funding; staff diverted from standard setting",
                "Secretariat leads with Bureau guidance and an annual report to CPM",
                "Work packages with milestones reviewed each quarter",
                List.of("Surveillance guide", "Regional workshops"),
                new BigDecimal("1200000"));
    }

    public static AnalysedOption option(String id, String title) {
        return new AnalysedOption(
                id,
                title,
                CRITERIA.stream().map(c -> new Assessment(c, "meets it")).toList());
    }

    public static List<AnalysedOption> options() {
        return List.of(
                option("surveillance", "Pilot programme on surveillance"),
                option("diagnostics", "Diagnostic capacity"),
                option("reporting", "National reporting obligations"));
    }

    public static ProgrammeProposed pilotProposed() {
        return new ProgrammeProposed(
                PILOT,
                ROUND_10,
                CPM_10,
                "surveillance",
                "Pilot programme on surveillance",
                "Article IV.2(b)",
                highLevelPlan(),
                SECRETARIAT,
                "Highest ranked option of the analysis");
    }

    public static Resource funds(String usd) {
        return new Resource(ResourceKind.FUNDS, new BigDecimal(usd), "Trust fund contribution");
    }

    public static ActionItem actionItem(String id, Body addressee, SessionId due) {
        return new ActionItem(id, addressee, due, "Report back on " + id);
    }
}
