package org.ippc.cpm.domain.programme;

/** One arrow of the programme lifecycle: {@code command} moves a programme from {@code from} to {@code to}. */
public record Transition(ProgrammeStage from, String command, ProgrammeStage to, String rule) {
}
