package org.ippc.cpm.domain.round;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * The analysis that feeds one CPM session with one or two proposed priorities (P1-P6). Input closes by itself at
 * the deadline; input and proposals go through {@code commission.RoundsAtSession}, which checks the session, counts the live proposals (P4) and
 * creates each proposed programme.
 */
@AggregateRoot
public class PrioritisationRound {

    static final String INPUT_DEADLINE = "input-deadline";

    @AggregateIdentifier
    private RoundId roundId;

    private SessionId sessionId;
    private RoundStatus status;
    private Instant inputDeadline;
    private int inputs;
    private List<String> criteria = List.of();
    private final Map<String, AnalysedOption> options = new LinkedHashMap<>();
    private final List<ProgrammeId> proposals = new ArrayList<>();

    protected PrioritisationRound() {}

    /** Through {@code commission.RoundsAtSession}, which first checks the session and that it has no round yet. */
    public PrioritisationRound(OpenRound command, DeadlineManager deadlines) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                command.inputDeadline().isAfter(now()),
                "P1",
                "the input deadline %s must be in the future",
                command.inputDeadline());
        apply(new RoundOpened(
                RoundId.forSession(command.sessionId()),
                command.sessionId(),
                command.inputDeadline(),
                command.actor(),
                command.rationale()));
        deadlines.schedule(command.inputDeadline(), INPUT_DEADLINE);
    }

    /** P1; taken through {@code commission.RoundsAtSession}, which checks the round's session first. */
    public void submitInput(SubmitInput command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == RoundStatus.OPEN_FOR_INPUT && now().isBefore(inputDeadline),
                "P1",
                "%s takes input only while open for input, before %s; it is %s",
                roundId,
                inputDeadline,
                status);
        apply(new InputSubmitted(roundId, command.documentReference(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(CloseInput command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == RoundStatus.OPEN_FOR_INPUT,
                "P1",
                "input to %s can be closed only while it is open for input; it is %s",
                roundId,
                status);
        apply(new InputClosed(roundId, false, command.actor(), command.rationale()));
    }

    @DeadlineHandler(deadlineName = INPUT_DEADLINE)
    void inputDeadlineReached() {
        if (status == RoundStatus.OPEN_FOR_INPUT) {
            apply(new InputClosed(roundId, true, Actor.engine(), "input deadline " + inputDeadline + " reached"));
        }
    }

    @CommandHandler
    void handle(EstablishSelectionCriteria command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == RoundStatus.OPEN_FOR_INPUT || status == RoundStatus.INPUT_CLOSED,
                "P2",
                "selection criteria are established before the analysis is completed; %s is %s",
                roundId,
                status);
        RuleViolation.check(
                command.criteria().stream().noneMatch(c -> c == null || c.isBlank())
                        && !command.criteria().isEmpty(),
                "P2",
                "at least one selection criterion is needed, and none may be blank");
        apply(new SelectionCriteriaEstablished(roundId, command.criteria(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(CompleteAnalysis command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == RoundStatus.INPUT_CLOSED,
                "P2",
                "the analysis is completed only after input has closed; %s is %s",
                roundId,
                status);
        RuleViolation.check(
                !criteria.isEmpty(),
                "P2",
                "the Secretariat establishes the selection criteria before it completes the analysis of %s",
                roundId);
        RuleViolation.check(
                inputs > 0,
                "P2",
                "the analysis of %s needs input from at least one contracting party or RPPO; it has none",
                roundId);
        RuleViolation.check(!command.options().isEmpty(), "P2", "the analysis must list the options it weighed");
        for (AnalysedOption option : command.options()) {
            List<String> assessed =
                    option.assessments().stream().map(Assessment::criterion).toList();
            List<String> missing =
                    criteria.stream().filter(c -> !assessed.contains(c)).toList();
            RuleViolation.check(
                    missing.isEmpty(),
                    "P2",
                    "option %s is not weighed against the criteria %s",
                    option.optionId(),
                    missing);
        }
        apply(new AnalysisCompleted(
                roundId, command.options(), command.documentReference(), command.actor(), command.rationale()));
    }

    /** P3-P6, given how many of this round's proposals are still live (not withdrawn). */
    public void propose(ProposePriority command, long liveProposals) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == RoundStatus.ANALYSED || status == RoundStatus.PROPOSED_TO_CPM,
                "P3",
                "the analysis of %s is completed before any priority is proposed; the round is %s",
                roundId,
                status);
        RuleViolation.check(
                liveProposals < 2,
                "P4",
                "at most two priorities are proposed from %s to %s; %d are already proposed",
                roundId,
                sessionId,
                liveProposals);
        RuleViolation.check(
                !proposals.contains(command.programmeId()),
                "P4",
                "%s has already been proposed from %s",
                command.programmeId(),
                roundId);
        RuleViolation.check(
                options.containsKey(command.optionId()),
                "P5",
                "the proposed priority must be one of the analysed options %s, not %s",
                options.keySet(),
                command.optionId());
        RuleViolation.check(
                ConventionArticle.isReference(command.conventionArticle()),
                "P5",
                "the priority must be linked to an article of the Convention (e.g. 'Article IV.2(b)'), %s",
                command.conventionArticle() == null
                        ? "and none was given"
                        : "not '" + command.conventionArticle() + "'");
        List<String> missing = command.highLevelPlan().missingElements();
        RuleViolation.check(
                missing.isEmpty(),
                "P6",
                "the proposal must carry the high-level work plan elements A-F; missing %s",
                missing);
        apply(new PriorityProposed(
                roundId, sessionId, command.programmeId(), command.optionId(), command.actor(), command.rationale()));
    }

    public RoundId roundId() {
        return roundId;
    }

    public SessionId sessionId() {
        return sessionId;
    }

    public List<ProgrammeId> proposals() {
        return List.copyOf(proposals);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(RoundOpened event) {
        roundId = event.roundId();
        sessionId = event.sessionId();
        inputDeadline = event.inputDeadline();
        status = RoundStatus.OPEN_FOR_INPUT;
    }

    @EventSourcingHandler
    void on(InputSubmitted event) {
        inputs++;
    }

    @EventSourcingHandler
    void on(InputClosed event) {
        status = RoundStatus.INPUT_CLOSED;
    }

    @EventSourcingHandler
    void on(SelectionCriteriaEstablished event) {
        criteria = event.criteria();
    }

    @EventSourcingHandler
    void on(AnalysisCompleted event) {
        event.options().forEach(option -> options.put(option.optionId(), option));
        status = RoundStatus.ANALYSED;
    }

    @EventSourcingHandler
    void on(PriorityProposed event) {
        proposals.add(event.programmeId());
        status = RoundStatus.PROPOSED_TO_CPM;
    }
}
