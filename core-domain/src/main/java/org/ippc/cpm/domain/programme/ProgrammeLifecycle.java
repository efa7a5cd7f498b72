package org.ippc.cpm.domain.programme;

import org.ippc.cpm.domain.shared.RuleViolation;

import java.util.List;
import java.util.stream.Collectors;

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

    private ProgrammeLifecycle() {
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
