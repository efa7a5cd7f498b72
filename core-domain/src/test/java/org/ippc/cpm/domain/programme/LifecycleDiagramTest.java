package org.ippc.cpm.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md draws the programme lifecycle; it must be the one the aggregate enforces. */
class LifecycleDiagramTest {

    private static final Path DOC = Path.of("../docs/lifecycle.md");

    @Test
    void the_documented_diagram_is_the_code_s_lifecycle() throws IOException {
        assertGenerated(
                "<!-- programme-lifecycle:start -->\\s*```mermaid\\n(.*?)```\\s*<!-- programme-lifecycle:end -->",
                ProgrammeLifecycle.mermaid());
    }

    @Test
    void the_documented_stage_rules_are_the_code_s() throws IOException {
        assertGenerated(
                "<!-- programme-stage-rules:start -->\\s*(.*?)<!-- programme-stage-rules:end -->",
                ProgrammeLifecycle.stageRulesTable());
    }

    private static void assertGenerated(String block, String expected) throws IOException {
        Matcher found = Pattern.compile(block, Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(found.find()).as("a generated block in " + DOC).isTrue();
        assertThat(found.group(1))
                .as("Replace the block in docs/lifecycle.md with:\n" + expected)
                .isEqualTo(expected);
    }

    @Test
    void every_stage_is_reachable_and_every_transition_names_a_rule() {
        var reached = ProgrammeLifecycle.TRANSITIONS.stream()
                .map(Transition::to)
                .collect(java.util.stream.Collectors.toSet());
        reached.add(ProgrammeStage.PROPOSED);
        assertThat(reached).containsExactlyInAnyOrder(ProgrammeStage.values());
        assertThat(ProgrammeLifecycle.TRANSITIONS)
                .allSatisfy(t -> assertThat(t.rule()).matches("[PYDMSCA][1-6]"));
    }
}
