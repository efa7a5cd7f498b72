package org.ippc.cpm.domain.programme;

import org.ippc.cpm.domain.shared.RuleViolation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.ippc.cpm.domain.programme.ProgrammeStage.*;

/**
 * The programme lifecycle as data: the aggregate asks it whether a command may move the programme on, and
 * {@code docs/lifecycle.md} is drawn from it (a test keeps the two equal).
 */
public final class ProgrammeLifecycle {

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(PROPOSED, "SelectPriority", SELECTED, "Y1"),
            new Transition(PROPOSED, "WithdrawProposal", WITHDRAWN, "Y4"),
            new Transition(PROPOSED, "CloseSession", NOT_SELECTED, "Y4"),
            new Transition(SELECTED, "ApproveHighLevelPlan", APPROVED, "Y1"),
            new Transition(APPROVED, "DelegateDevelopment", DEVELOPMENT_DELEGATED, "Y1"),
            new Transition(DEVELOPMENT_DELEGATED, "SubmitDetailedPlan", DETAILED_PLAN_SUBMITTED, "D3"),
            new Transition(DETAILED_PLAN_SUBMITTED, "ReviseDetailedPlan", DETAILED_PLAN_SUBMITTED, "D3"),
            new Transition(DETAILED_PLAN_SUBMITTED, "PresentPlan", UNDER_MANAGEMENT, "D3"),
            new Transition(UNDER_MANAGEMENT, "CloseProgramme", CLOSED, "M4"));

    /** Stages in which resources may be pledged, contributed or mobilised and progress reported (M1, M3). */
    public static final Set<ProgrammeStage> APPROVED_ON =
            EnumSet.of(APPROVED, DEVELOPMENT_DELEGATED, DETAILED_PLAN_SUBMITTED, UNDER_MANAGEMENT);
    /** Stages in which experts are appointed and the Bureau guides (D1, M2). */
    public static final Set<ProgrammeStage> DELEGATED_ON =
            EnumSet.of(DEVELOPMENT_DELEGATED, DETAILED_PLAN_SUBMITTED, UNDER_MANAGEMENT);

    /** Commands that act on a programme without moving it to another stage, and the stages that accept them. */
    public static final Map<String, Set<ProgrammeStage>> ONGOING = ongoing();

    private ProgrammeLifecycle() {
    }

    private static Map<String, Set<ProgrammeStage>> ongoing() {
        Map<String, Set<ProgrammeStage>> commands = new LinkedHashMap<>();
        commands.put("AppointExpert", DELEGATED_ON);
        commands.put("ReleaseExpert", DELEGATED_ON);
        commands.put("CommentOnDetailedPlan", EnumSet.of(DETAILED_PLAN_SUBMITTED, UNDER_MANAGEMENT));
        commands.put("GiveGuidance", DELEGATED_ON);
        commands.put("PledgeResources", APPROVED_ON);
        commands.put("ContributeResources", APPROVED_ON);
        commands.put("RecordResourceMobilisation", APPROVED_ON);
        commands.put("ReportProgress", APPROVED_ON);
        commands.put("RecordSideSession", EnumSet.of(UNDER_MANAGEMENT));
        commands.put("RecordManagementActivity", EnumSet.of(UNDER_MANAGEMENT));
        commands.put("RecordPartyEngagement", EnumSet.of(UNDER_MANAGEMENT));
        return Map.copyOf(commands);
    }

    /** The commands a programme in {@code stage} accepts, stage changes first (what the board offers as next actions). */
    public static List<String> commandsIn(ProgrammeStage stage) {
        return Stream.concat(
                TRANSITIONS.stream().filter(t -> t.from() == stage && t.to() != stage).map(Transition::command),
                Stream.concat(TRANSITIONS.stream().filter(t -> t.from() == stage && t.to() == stage).map(Transition::command),
                        ONGOING.entrySet().stream().filter(e -> e.getValue().contains(stage)).map(Map.Entry::getKey).sorted()))
                .distinct().toList();
    }

    /** The stage {@code command} leads to from {@code current}, or a violation of the transition's rule. */
    static ProgrammeStage next(ProgrammeStage current, String command, Object programme) {
        List<Transition> candidates = TRANSITIONS.stream().filter(t -> t.command().equals(command)).toList();
        return candidates.stream()
                .filter(t -> t.from() == current)
                .map(Transition::to)
                .findFirst()
                .orElseThrow(() -> new RuleViolation(candidates.get(0).rule(), "%s needs a programme in stage %s; %s is %s"
                        .formatted(command, candidates.stream().map(t -> t.from().name()).collect(Collectors.joining(" or ")),
                                programme, current)));
    }

    /** The lifecycle as a Mermaid state diagram. */
    public static String mermaid() {
        StringBuilder diagram = new StringBuilder("stateDiagram-v2\n    [*] --> PROPOSED: ProposePriority\n");
        TRANSITIONS.forEach(t -> diagram.append("    %s --> %s: %s (%s)\n".formatted(t.from(), t.to(), t.command(), t.rule())));
        for (ProgrammeStage end : List.of(WITHDRAWN, NOT_SELECTED, CLOSED)) {
            diagram.append("    %s --> [*]\n".formatted(end));
        }
        return diagram.toString();
    }
}
