package org.ippc.cpm.domain.contract;

import static org.ippc.cpm.domain.Seed.*;

import java.math.BigDecimal;
import java.util.List;
import org.ippc.cpm.domain.decision.ActionItemOverdue;
import org.ippc.cpm.domain.decision.ActionItemReported;
import org.ippc.cpm.domain.decision.DecisionRecorded;
import org.ippc.cpm.domain.directory.Addressee;
import org.ippc.cpm.domain.directory.ContactPointRegistered;
import org.ippc.cpm.domain.directory.ContactPointRemoved;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.directory.NotificationsChosen;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.round.AnalysisCompleted;
import org.ippc.cpm.domain.round.InputClosed;
import org.ippc.cpm.domain.round.InputSubmitted;
import org.ippc.cpm.domain.round.PriorityProposed;
import org.ippc.cpm.domain.round.RoundOpened;
import org.ippc.cpm.domain.round.SelectionCriteriaEstablished;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.session.SessionScheduled;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.translation.TextSubject;
import org.ippc.cpm.domain.translation.TextTranslated;
import org.ippc.cpm.domain.translation.TranslatableText;

/** One instance of every event type, with every field filled, as pinned by the golden files. */
final class SampleEvents {

    private static final Addressee NZ_ADDRESSEE = new Addressee("NZ");

    private SampleEvents() {}

    static List<Object> all() {
        return List.of(
                new SessionScheduled(CPM_10, 10, 2015, CPM_CHAIR, "Rome, 16-20 March 2015"),
                new SessionOpened(CPM_10, CPM_CHAIR, "Opening of CPM-10"),
                new SessionClosed(CPM_10, List.of(SECOND), CPM_CHAIR, "Closing of CPM-10"),
                new RoundOpened(ROUND_10, CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call for input"),
                new InputSubmitted(ROUND_10, "NZ-2014-07", NZ, "Surveillance underpins pest status"),
                new InputClosed(ROUND_10, true, Actor.engine(), "input deadline " + INPUT_DEADLINE + " reached"),
                new SelectionCriteriaEstablished(ROUND_10, CRITERIA, SECRETARIAT, "OEWG recommendation"),
                new AnalysisCompleted(ROUND_10, options(), "CPM 2015/12", SECRETARIAT, "Options weighed"),
                new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Highest ranked"),
                pilotProposed(),
                new ProposalWithdrawn(SECOND, SECRETARIAT, "Merged into the pilot"),
                new ProposalNotSelected(SECOND, CPM_10, CPM_CHAIR, "CPM-10 closed without selecting it"),
                new PrioritySelected(PILOT, CPM_10, CPM_CHAIR, "CPM-10 selects surveillance"),
                new HighLevelPlanApproved(PILOT, CPM_10, highLevelPlan(), false, CPM_CHAIR, "Approved at selection"),
                new DevelopmentDelegated(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Develop the plan"),
                new ExpertAppointed(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"),
                new ExpertReleased(PILOT, EXPERT_ID, SECRETARIAT, "Advice complete"),
                new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "First version"),
                new DetailedPlanRevised(PILOT, 2, detailedPlan(), SECRETARIAT, "Sampling design added"),
                new DetailedPlanCommented(PILOT, 1, EXPERT, "Add a sampling design"),
                new PlanPresented(
                        PILOT, CPM_11, 2, "Summary", "https://www.ippc.int/surveillance", false, SECRETARIAT, "Year 2"),
                new SideSessionRecorded(PILOT, CPM_11, "How parties can contribute", SECRETARIAT, "Side session held"),
                new ResourcesPledged(PILOT, funds("250000"), NZ, "Pledged at CPM-10"),
                new ResourcesContributed(
                        PILOT,
                        new Resource(ResourceKind.IN_KIND, new BigDecimal("30000.50"), "Translation of the guide"),
                        EPPO,
                        "Translation"),
                new ResourcesMobilised(PILOT, funds("500000"), FINANCE_COMMITTEE, "Donors' conference"),
                new ManagementActivityRecorded(PILOT, ManagementActivity.MONITORING, SECRETARIAT, "Quarterly review"),
                new PartyEngagementRecorded(PILOT, PartyEngagement.IN_COUNTRY_MONITORING, KE, "Field surveys"),
                new GuidanceGiven(PILOT, BUREAU, "Start with two regions"),
                new ProgressReported(PILOT, CPM_11, 1, "CPM 2016/20", SECRETARIAT, "Plan developed"),
                new ProgrammeClosed(PILOT, CPM_12, "Surveillance guide adopted", CPM_CHAIR, "Objectives met"),
                new RecordCorrected(PILOT, 2, "Approved at the second sitting", SECRETARIAT, "Minutes corrected"),
                new DecisionRecorded(
                        DECISION_6,
                        CPM_9,
                        6,
                        "Pilot work plan on surveillance",
                        List.of(actionItem("6a", Body.SECRETARIAT, CPM_10)),
                        CPM_CHAIR,
                        "OEWG report"),
                new ActionItemReported(DECISION_6, "6a", "CPM 2015/12", SECRETARIAT, "Work plan submitted"),
                new ActionItemOverdue(DECISION_6, "6a", CPM_10, Actor.engine(), "CPM-10 opened without a report"),
                new ContactPointRegistered(
                        NZ_ADDRESSEE, "nz-contact-point", "ippc@example.nz", Language.EN, SECRETARIAT, "Notified"),
                new NotificationsChosen(
                        NZ_ADDRESSEE,
                        "nz-contact-point",
                        Delivery.DAILY_DIGEST,
                        false,
                        Actor.engine(),
                        "Link followed"),
                new ContactPointRemoved(NZ_ADDRESSEE, "nz-contact-point", SECRETARIAT, "Left the NPPO"),
                new TextTranslated(
                        TextSubject.of(DECISION_6),
                        TranslatableText.ACTION_ITEM_REQUEST,
                        "6a",
                        Language.EN,
                        Language.AR,
                        "تقديم خطة العمل",
                        KE,
                        "Contributed in kind"));
    }
}
