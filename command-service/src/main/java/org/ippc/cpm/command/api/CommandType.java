package org.ippc.cpm.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.Role;

/**
 * A command the API accepts: its HTTP name (the record's name in lowerCamelCase), the record it becomes, the roles
 * of the spec's role table that may issue it, and an example body (the record without its actor).
 */
public record CommandType(String name, Class<?> recordType, Set<Role> allowedRoles, Object example, String summary) {

    public boolean allows(Role role) {
        return allowedRoles.contains(role);
    }

    /** The example as a request body: without the actor, and without the optional fields it leaves empty. */
    public ObjectNode exampleBody() {
        ObjectNode body = CpmJson.objectMapper().valueToTree(example);
        body.remove("actor");
        withoutNulls(body);
        return body;
    }

    private static void withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
        }
        node.forEach(CommandType::withoutNulls);
    }
}
