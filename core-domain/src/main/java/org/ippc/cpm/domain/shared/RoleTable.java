package org.ippc.cpm.domain.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Who may issue a command, read from its {@link IssuedBy}: the one role table of the engine. */
public final class RoleTable {

    private RoleTable() {}

    public static Set<Role> mayIssue(Class<?> command) {
        return EnumSet.copyOf(Arrays.asList(of(command).value()));
    }

    public static String rule(Class<?> command) {
        return of(command).rule();
    }

    private static IssuedBy of(Class<?> command) {
        IssuedBy issuedBy = command.getAnnotation(IssuedBy.class);
        if (issuedBy == null) {
            throw new IllegalStateException(command.getName() + " does not say who may issue it (@IssuedBy)");
        }
        return issuedBy;
    }
}
