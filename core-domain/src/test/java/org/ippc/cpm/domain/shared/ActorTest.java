package org.ippc.cpm.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Spec "Who acts": every state change records the person, and the party only for the roles that act for one. */
class ActorTest {

    @Test
    void a_party_role_records_its_party_and_the_person() {
        Actor actor = new Actor(Role.CONTRACTING_PARTY, "alice", "NZ");
        assertThat(actor.name()).isEqualTo("NZ");
        assertThat(actor).hasToString("CONTRACTING_PARTY NZ (alice)");
        assertThat(new Actor(Role.SECRETARIAT, "bob").name()).isEqualTo("bob");
    }

    @Test
    void a_party_role_without_a_party_is_refused() {
        assertThatThrownBy(() -> new Actor(Role.RPPO, "carol", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor(Role.CONTRACTING_PARTY, "carol", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_role_that_acts_for_no_party_may_not_name_one() {
        assertThatThrownBy(() -> new Actor(Role.SECRETARIAT, "dan", "NZ"))
                .hasMessageContaining("does not act for a party");
    }

    @Test
    void the_person_is_always_recorded() {
        assertThatThrownBy(() -> new Actor(Role.CPM, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor(Role.CONTRACTING_PARTY, "", "NZ"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
