package org.ippc.cpm.domain.programme;

import static org.ippc.cpm.domain.programme.ProgrammeStage.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.shared.ApiName;
import org.ippc.cpm.domain.shared.RuleViolation;

/**
 * The programme lifecycle as data, keyed by command type: every stage check of {@link Programme} asks it, the board's
 * next actions and the API's "legal when" come from it, and {@code docs/lifecycle.md} is drawn from it (tests keep
 * each equal, and walk every stage x command pair through the aggregate).
 */
public final class ProgrammeLifecycle {

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(PROPOSED, SelectPriority.class, PrioritySelected.class, SELECTED, "Y1"),
            new Transition(PROPOSED, WithdrawProposal.class, ProposalWithdrawn.class, WITHDRAWN, "Y4"),
            new Transition(PROPOSED, CloseSession.class, ProposalNotSelected.class, NOT_SELECTED, "Y4"),
            new Transition(SELECTED, ApproveHighLevelPlan.class, HighLevelPlanApproved.class, APPROVED, "Y1"),
            new Transition(
                    APPROVED, DelegateDevelopment.class, DevelopmentDelegated.class, DEVELOPMENT_DELEGATED, "Y1"),
            new Transition(
                    DEVELOPMENT_DELEGATED,
                    SubmitDetailedPlan.class,
                    DetailedPlanSubmitted.class,
                    DETAILED_PLAN_SUBMITTED,
                    "D3"),
            new Transition(
                    DETAILED_PLAN_SUBMITTED,
                    ReviseDetailedPlan.class,
                    DetailedPlanRevised.class,
                    DETAILED_PLAN_SUBMITTED,
                    "D3"),
            new Transition(DETAILED_PLAN_SUBMITTED, PresentPlan.class, PlanPresented.class, UNDER_MANAGEMENT, "D3"),
            new Transition(UNDER_MANAGEMENT, CloseProgramme.class, ProgrammeClosed.class, CLOSED, "M4"));

    /** The stage a proposal brings a programme into being in ({@link ProgrammeProposed}). */
    public static final ProgrammeStage FIRST = PROPOSED;

    /** From approval on, until closure (M1, M3). */
    public static final Set<ProgrammeStage> APPROVED_ON =
            EnumSet.of(APPROVED, DEVELOPMENT_DELEGATED, DETAILED_PLAN_SUBMITTED, UNDER_MANAGEMENT);
    /** From delegation on, until closure (D1, M2). */
    public static final Set<ProgrammeStage> DELEGATED_ON =
            EnumSet.of(DEVELOPMENT_DELEGATED, DETAILED_PLAN_SUBMITTED, UNDER_MANAGEMENT);

    /** Commands that act on a programme without moving it to another stage. */
    public static final List<StageRule> ONGOING = List.of(
            new StageRule(AppointExpert.class, DELEGATED_ON, "D1"),
            new StageRule(ReleaseExpert.class, DELEGATED_ON, "D1"),
            new StageRule(CommentOnDetailedPlan.class, EnumSet.of(DETAILED_PLAN_SUBMITTED, UNDER_MANAGEMENT), "D1"),
            new StageRule(GiveGuidance.class, DELEGATED_ON, "M2"),
            new StageRule(PledgeResources.class, APPROVED_ON, "M1"),
            new StageRule(ContributeResources.class, APPROVED_ON, "M1"),
            new StageRule(RecordResourceMobilisation.class, APPROVED_ON, "M1"),
            new StageRule(ReportProgress.class, APPROVED_ON, "M3"),
            new StageRule(RecordSideSession.class, EnumSet.of(UNDER_MANAGEMENT), "Y6"),
            new StageRule(RecordManagementActivity.class, EnumSet.of(UNDER_MANAGEMENT), "M2"),
            new StageRule(RecordPartyEngagement.class, EnumSet.of(UNDER_MANAGEMENT), "M2"),
            new StageRule(CorrectRecord.class, EnumSet.allOf(ProgrammeStage.class), "A1"));

    private ProgrammeLifecycle() {}

    /** The commands a programme in {@code stage} accepts, stage changes first (what the board offers as next actions). */
    public static List<Class<?>> commandsIn(ProgrammeStage stage) {
        return Stream.concat(
                        TRANSITIONS.stream()
                                .filter(t -> t.from() == stage && t.to() != stage)
                                .map(Transition::type),
                        Stream.concat(
                                TRANSITIONS.stream()
                                        .filter(t -> t.from() == stage && t.to() == stage)
                                        .map(Transition::type),
                                ONGOING.stream()
                                        .filter(r -> r.stages().contains(stage))
                                        .sorted(java.util.Comparator.comparing(StageRule::command))
                                        .map(StageRule::type)))
                .<Class<?>>map(type -> type)
                .distinct()
                .toList();
    }

    /** The stages in which {@code command} is legal, or empty if the lifecycle does not govern it. */
    public static Optional<Set<ProgrammeStage>> legalIn(Class<?> command) {
        Set<ProgrammeStage> stages = EnumSet.noneOf(ProgrammeStage.class);
        TRANSITIONS.stream().filter(t -> t.type() == command).forEach(t -> stages.add(t.from()));
        ONGOING.stream().filter(r -> r.type() == command).forEach(r -> stages.addAll(r.stages()));
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages);
    }

    /** The stage a programme is in once {@code event} is recorded: the table's, for the events that move it. */
    public static Optional<ProgrammeStage> after(ProgrammeEvent event) {
        if (event instanceof ProgrammeProposed) {
            return Optional.of(FIRST);
        }
        return TRANSITIONS.stream()
                .filter(t -> t.recorded() == event.getClass())
                .map(Transition::to)
                .findFirst();
    }

    /** Like {@link #after}, for an event that the table says moves a programme. */
    public static ProgrammeStage stageAfter(ProgrammeEvent event) {
        return after(event)
                .orElseThrow(() -> new IllegalArgumentException(
                        event.getClass().getSimpleName() + " moves no programme in the lifecycle table"));
    }

    /** Refuses {@code command} on a programme in a stage that does not accept it, naming the table's rule. */
    static void require(ProgrammeStage current, Class<?> command, Object programme) {
        List<Transition> moves =
                TRANSITIONS.stream().filter(t -> t.type() == command).toList();
        if (!moves.isEmpty()) {
            if (moves.stream().noneMatch(t -> t.from() == current)) {
                throw refusal(
                        moves.get(0).rule(),
                        command,
                        moves.stream()
                                .map(Transition::from)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProgrammeStage.class))),
                        programme,
                        current);
            }
            return;
        }
        StageRule rule = ONGOING.stream()
                .filter(r -> r.type() == command)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(command.getSimpleName() + " is not in the lifecycle table"));
        if (!rule.stages().contains(current)) {
            throw refusal(rule.rule(), command, rule.stages(), programme, current);
        }
    }

    private static RuleViolation refusal(
            String rule, Class<?> command, Set<ProgrammeStage> stages, Object programme, ProgrammeStage current) {
        return new RuleViolation(
                rule,
                "%s needs a programme in stage %s; %s is %s"
                        .formatted(
                                ApiName.of(command),
                                stages.stream().map(Enum::name).collect(Collectors.joining(" or ")),
                                programme,
                                current));
    }

    /** The commands that do not move a programme, as a Markdown table: the stages that accept each, and the rule. */
    public static String stageRulesTable() {
        StringBuilder table = new StringBuilder("| command | accepted in stage | rule |\n|---|---|---|\n");
        ONGOING.forEach(r -> table.append("| %s | %s | %s |\n"
                .formatted(
                        r.command(),
                        r.stages().size() == ProgrammeStage.values().length
                                ? "every stage"
                                : r.stages().stream().map(Enum::name).collect(Collectors.joining(", ")),
                        r.rule())));
        return table.toString();
    }

    /** The lifecycle as a Mermaid state diagram. */
    public static String mermaid() {
        StringBuilder diagram = new StringBuilder("stateDiagram-v2\n    [*] --> PROPOSED: ProposePriority\n");
        TRANSITIONS.forEach(
                t -> diagram.append("    %s --> %s: %s (%s)\n".formatted(t.from(), t.to(), t.command(), t.rule())));
        for (ProgrammeStage end : List.of(WITHDRAWN, NOT_SELECTED, CLOSED)) {
            diagram.append("    %s --> [*]\n".formatted(end));
        }
        return diagram.toString();
    }
}
