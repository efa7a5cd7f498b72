package org.ippc.cpm.domain.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Objects;

/**
 * Who did something: the role, the person who signed in, and for the roles that act for a party (a contracting party
 * or an RPPO) the party's code (e.g. {@code NZ}, {@code EPPO}). Every command carries one and every event records it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(Role role, String person, String party) {

    /** The person of an event recorded before the person was (revision 1 recorded only the party). */
    public static final String PERSON_NOT_RECORDED = "(not recorded)";

    public Actor {
        Objects.requireNonNull(role, "role");
        Validation.requireText(person, "actor person");
        if (role.actsForParty()) {
            Validation.requireText(party, role + "'s party");
        } else if (party != null) {
            throw new IllegalArgumentException(role + " does not act for a party, yet names " + party);
        }
    }

    /** An actor of a role that does not act for a party. */
    public Actor(Role role, String person) {
        this(role, person, null);
    }

    public static Actor engine() {
        return new Actor(Role.ENGINE, "cpm-engine");
    }

    /** The name an actor goes by in lists: its party when it acts for one, otherwise the person. */
    @JsonIgnore
    public String name() {
        return party != null ? party : person;
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** Refuses an actor whose role may not issue {@code command}, by the role table ({@link IssuedBy}). */
    public void requireMayIssue(Object command) {
        Class<?> type = command.getClass();
        require(
                RoleTable.rule(type),
                type.getSimpleName(),
                RoleTable.mayIssue(type).toArray(Role[]::new));
    }

    /** Refuses an actor whose role is not one of {@code allowed}; {@code rule} names the spec rule that says who may. */
    public void require(String rule, String act, Role... allowed) {
        if (!is(allowed)) {
            throw new RuleViolation(
                    rule, "%s may be issued by %s, not by %s".formatted(act, Arrays.toString(allowed), this));
        }
    }

    @Override
    public String toString() {
        return party != null ? role + " " + party + " (" + person + ")" : role + " " + person;
    }
}
