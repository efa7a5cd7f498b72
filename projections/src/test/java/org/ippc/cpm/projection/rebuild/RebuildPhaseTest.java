package org.ippc.cpm.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The phase the rebuild's status reports, from where its replay stands against the head recorded at its start. */
class RebuildPhaseTest {

    private static final long HEAD = 1_000;

    @Test
    void before_its_first_event_a_rebuild_is_starting() {
        assertThat(RebuildPhase.of(true, -1, HEAD)).isEqualTo(RebuildPhase.STARTING);
    }

    @Test
    void from_its_first_event_until_the_head_it_is_replaying() {
        assertThat(RebuildPhase.of(true, 0, HEAD)).isEqualTo(RebuildPhase.REPLAYING);
        assertThat(RebuildPhase.of(true, HEAD - 1, HEAD)).isEqualTo(RebuildPhase.REPLAYING);
    }

    @Test
    void with_every_event_applied_it_is_finishing() {
        assertThat(RebuildPhase.of(true, HEAD, HEAD)).isEqualTo(RebuildPhase.FINISHING);
    }

    @Test
    void a_rebuild_that_does_not_run_has_ended_wherever_it_stopped() {
        assertThat(RebuildPhase.of(false, -1, HEAD)).isEqualTo(RebuildPhase.ENDED);
        assertThat(RebuildPhase.of(false, HEAD / 2, HEAD)).isEqualTo(RebuildPhase.ENDED);
        assertThat(RebuildPhase.of(false, HEAD, HEAD)).isEqualTo(RebuildPhase.ENDED);
    }
}
