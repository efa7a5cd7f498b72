package org.ippc.cpm.domain.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who did something: a role plus the party code (e.g. {@code NZ}, {@code EPPO}) or person id acting in it.
 * Every command carries one and every event records it.
 */
public record Actor(Role role, String id) {

    public Actor {
        Objects.requireNonNull(role, "role");
        Validation.requireText(id, "actor id");
    }

    public static Actor engine() {
        return new Actor(Role.ENGINE, "cpm-engine");
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** Refuses an actor whose role may not issue {@code command}; {@code rule} names the spec rule that says who may. */
    public void require(String rule, String command, Role... allowed) {
        if (!is(allowed)) {
            throw new RuleViolation(rule, "%s may be issued by %s, not by %s".formatted(command, Arrays.toString(allowed), this));
        }
    }

    @Override
    public String toString() {
        return role + " " + id;
    }
}
