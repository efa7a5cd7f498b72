package org.ippc.cpm.command.api;

import java.util.Set;
import org.ippc.cpm.domain.shared.Role;

/**
 * A command the API accepts: its HTTP name (the record's name in lowerCamelCase), the record it becomes, the roles
 * of the spec's role table that may issue it, and an example body (the record without its actor).
 */
public record CommandType(String name, Class<?> recordType, Set<Role> allowedRoles, Object example, String summary) {

    public boolean allows(Role role) {
        return allowedRoles.contains(role);
    }
}
