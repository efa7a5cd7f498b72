package org.ippc.cpm.domain.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.ippc.cpm.domain.programme.ProgrammeStage.*;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.translation.TranslatableText;

/**
 * One implementation programme, from its proposal to its closure. Decisions that also need the session to be open
 * (Y1, Y5, M4) reach it through {@code commission.DecisionsAtSession}, which checks the session and calls the
 * public methods here; everything else is a command handler of its own. Its fields are what a snapshot holds.
 */
@AggregateRoot
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Programme {

    @AggregateIdentifier
    private ProgrammeId programmeId;

    private ProgrammeStage stage;
    private SessionId yearOneSession;
    private HighLevelPlan approvedPlan;
    private final Set<ExpertId> experts = new HashSet<>();
    private int planVersion;
    private SessionId presentedAt;
    private final Map<SessionId, Integer> reports = new HashMap<>();

    protected Programme() {}

    /** Created by the round's proposal, after the round has checked P3-P6 ({@code commission.RoundsAtSession}). */
    public Programme(ProgrammeProposed proposed) {
        apply(proposed);
    }

    @CommandHandler
    void handle(WithdrawProposal command) {
        command.actor().requireMayIssue(command);
        ProgrammeLifecycle.require(stage, WithdrawProposal.class, programmeId);
        apply(new ProposalWithdrawn(programmeId, command.actor(), command.rationale()));
    }

    /** Y4: the year-1 session closed without selecting this proposal. */
    public void lapse(SessionId closingSession, Actor actor, String rationale) {
        RuleViolation.check(
                closingSession.equals(yearOneSession),
                "Y4",
                "%s was proposed to %s, not to %s",
                programmeId,
                yearOneSession,
                closingSession);
        ProgrammeLifecycle.require(stage, org.ippc.cpm.domain.session.CloseSession.class, programmeId);
        apply(new ProposalNotSelected(programmeId, closingSession, actor, rationale));
    }

    public void select(SelectPriority command) {
        requireYearOneDecision(command, command.actor(), command.sessionId());
        ProgrammeLifecycle.require(stage, SelectPriority.class, programmeId);
        apply(new PrioritySelected(programmeId, command.sessionId(), command.actor(), command.rationale()));
    }

    public void approve(ApproveHighLevelPlan command) {
        requireYearOneDecision(command, command.actor(), command.sessionId());
        ProgrammeLifecycle.require(stage, ApproveHighLevelPlan.class, programmeId);
        HighLevelPlan amended = command.amendedPlan();
        if (amended != null) {
            RuleViolation.check(
                    amended.missingElements().isEmpty(),
                    "Y2",
                    "the amended high-level description must still hold elements A-F; missing %s",
                    amended.missingElements());
        }
        apply(new HighLevelPlanApproved(
                programmeId,
                command.sessionId(),
                amended != null ? amended : approvedPlan,
                amended != null,
                command.actor(),
                command.rationale()));
    }

    public void delegate(DelegateDevelopment command) {
        requireYearOneDecision(command, command.actor(), command.sessionId());
        ProgrammeLifecycle.require(stage, DelegateDevelopment.class, programmeId);
        RuleViolation.check(
                command.developer() == Body.SECRETARIAT && command.operationalGuidance() == Body.BUREAU,
                "Y3",
                "delegation names the Secretariat as developer and the Bureau for operational guidance, not %s and %s",
                command.developer(),
                command.operationalGuidance());
        apply(new DevelopmentDelegated(
                programmeId,
                command.sessionId(),
                command.developer(),
                command.operationalGuidance(),
                command.actor(),
                command.rationale()));
    }

    private void requireYearOneDecision(Object decision, Actor actor, SessionId session) {
        actor.requireMayIssue(decision);
        RuleViolation.check(
                session.equals(yearOneSession),
                "Y1",
                "%s must be taken at %s, the session %s was proposed to, not at %s",
                decision.getClass().getSimpleName(),
                yearOneSession,
                programmeId,
                session);
    }

    @CommandHandler
    void handle(AppointExpert command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        RuleViolation.check(
                !experts.contains(command.expertId()),
                "D1",
                "%s is already appointed to %s",
                command.expertId(),
                programmeId);
        apply(new ExpertAppointed(
                programmeId,
                command.expertId(),
                command.name(),
                command.expertise(),
                command.actor(),
                command.rationale()));
    }

    @CommandHandler
    void handle(ReleaseExpert command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        RuleViolation.check(
                experts.contains(command.expertId()),
                "D1",
                "%s is not appointed to %s",
                command.expertId(),
                programmeId);
        apply(new ExpertReleased(programmeId, command.expertId(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(SubmitDetailedPlan command) {
        command.actor().requireMayIssue(command);
        ProgrammeLifecycle.require(stage, SubmitDetailedPlan.class, programmeId);
        requireCompletePlan(command.plan());
        apply(new DetailedPlanSubmitted(programmeId, 1, command.plan(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(ReviseDetailedPlan command) {
        command.actor().requireMayIssue(command);
        ProgrammeLifecycle.require(stage, ReviseDetailedPlan.class, programmeId);
        requireCompletePlan(command.plan());
        apply(new DetailedPlanRevised(
                programmeId, planVersion + 1, command.plan(), command.actor(), command.rationale()));
    }

    private void requireCompletePlan(DetailedPlan plan) {
        RuleViolation.check(plan.missingParts().isEmpty(), "D2", "the detailed plan lacks %s", plan.missingParts());
        HighLevelPlan elements = plan.elements();
        RuleViolation.check(
                Objects.equals(elements.highLevelGoal(), approvedPlan.highLevelGoal())
                        && Objects.equals(elements.objective(), approvedPlan.objective())
                        && Objects.equals(elements.scope(), approvedPlan.scope()),
                "Y2",
                "the detailed plan's goal, objective and scope must be the approved text of %s",
                programmeId);
    }

    @CommandHandler
    void handle(CommentOnDetailedPlan command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        RuleViolation.check(
                experts.contains(new ExpertId(command.actor().person())),
                "D1",
                "only an expert appointed to %s comments on its plan; %s is not",
                programmeId,
                command.actor().person());
        RuleViolation.check(
                command.planVersion() >= 1 && command.planVersion() <= planVersion,
                "D3",
                "%s has plan versions 1 to %d, not %d",
                programmeId,
                planVersion,
                command.planVersion());
        apply(new DetailedPlanCommented(programmeId, command.planVersion(), command.actor(), command.rationale()));
    }

    public void present(PresentPlan command) {
        command.actor().requireMayIssue(command);
        ProgrammeLifecycle.require(stage, PresentPlan.class, programmeId);
        RuleViolation.check(
                command.sessionId().isLaterThan(yearOneSession),
                "Y5",
                "the plan is presented at a session later than the year-1 session %s, not at %s",
                yearOneSession,
                command.sessionId());
        boolean delayed = command.sessionId().number() > yearOneSession.number() + 1;
        apply(new PlanPresented(
                programmeId,
                command.sessionId(),
                planVersion,
                command.summary(),
                command.fullPlanLocation(),
                delayed,
                command.actor(),
                command.rationale()));
    }

    @CommandHandler
    void handle(RecordSideSession command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        RuleViolation.check(
                presentedAt != null && presentedAt.equals(command.sessionId()),
                "Y6",
                "a side session is recorded at the year-2 session of %s (%s), not at %s",
                programmeId,
                presentedAt == null ? "not yet presented" : presentedAt,
                command.sessionId());
        apply(new SideSessionRecorded(
                programmeId, command.sessionId(), command.title(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(PledgeResources command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        apply(new ResourcesPledged(programmeId, command.resource(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(ContributeResources command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        apply(new ResourcesContributed(programmeId, command.resource(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(RecordResourceMobilisation command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        apply(new ResourcesMobilised(programmeId, command.resource(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(RecordManagementActivity command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        apply(new ManagementActivityRecorded(programmeId, command.activity(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(RecordPartyEngagement command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        apply(new PartyEngagementRecorded(programmeId, command.engagement(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(GiveGuidance command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        apply(new GuidanceGiven(programmeId, command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(ReportProgress command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        RuleViolation.check(
                command.sessionId().isLaterThan(yearOneSession),
                "M3",
                "progress is reported to sessions after the year-1 session %s, not to %s",
                yearOneSession,
                command.sessionId());
        int revision = reports.getOrDefault(command.sessionId(), 0) + 1;
        apply(new ProgressReported(
                programmeId,
                command.sessionId(),
                revision,
                command.documentReference(),
                command.actor(),
                command.rationale()));
    }

    /** T2: a programme has a title from its proposal, and a plan summary once its plan is presented. */
    public void requireText(TranslatableText text) {
        RuleViolation.check(
                text != TranslatableText.PLAN_SUMMARY || presentedAt != null,
                "T2",
                "%s has no plan summary to translate: its plan is not presented yet",
                programmeId);
    }

    public void close(CloseProgramme command) {
        command.actor().requireMayIssue(command);
        ProgrammeLifecycle.require(stage, CloseProgramme.class, programmeId);
        apply(new ProgrammeClosed(
                programmeId, command.sessionId(), command.outcomeStatement(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(CorrectRecord command) {
        command.actor().requireMayIssue(command);
        requireStage(command);
        long lastSequence = AggregateLifecycle.getVersion();
        RuleViolation.check(
                command.correctedSequence() >= 0 && command.correctedSequence() <= lastSequence,
                "A1",
                "a correction names an earlier event of %s (sequence 0 to %d), not %d",
                programmeId,
                lastSequence,
                command.correctedSequence());
        apply(new RecordCorrected(
                programmeId, command.correctedSequence(), command.correction(), command.actor(), command.rationale()));
    }

    private void requireStage(Object command) {
        ProgrammeLifecycle.require(stage, command.getClass(), programmeId);
    }

    public ProgrammeId programmeId() {
        return programmeId;
    }

    public ProgrammeStage stage() {
        return stage;
    }

    public SessionId yearOneSession() {
        return yearOneSession;
    }

    @EventSourcingHandler
    void on(ProgrammeProposed event) {
        programmeId = event.programmeId();
        yearOneSession = event.sessionId();
        approvedPlan = event.highLevelPlan();
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(ProposalWithdrawn event) {
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(ProposalNotSelected event) {
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(PrioritySelected event) {
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(HighLevelPlanApproved event) {
        approvedPlan = event.approvedPlan();
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(DevelopmentDelegated event) {
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(ExpertAppointed event) {
        experts.add(event.expertId());
    }

    @EventSourcingHandler
    void on(ExpertReleased event) {
        experts.remove(event.expertId());
    }

    @EventSourcingHandler
    void on(DetailedPlanSubmitted event) {
        planVersion = event.version();
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(DetailedPlanRevised event) {
        planVersion = event.version();
    }

    @EventSourcingHandler
    void on(PlanPresented event) {
        presentedAt = event.sessionId();
        stage = ProgrammeLifecycle.stageAfter(event);
    }

    @EventSourcingHandler
    void on(ProgressReported event) {
        reports.put(event.sessionId(), event.revision());
    }

    @EventSourcingHandler
    void on(ProgrammeClosed event) {
        stage = ProgrammeLifecycle.stageAfter(event);
    }
}
