package org.ippc.cpm.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drops the component schemas that no operation reaches, directly or through other schemas. */
final class UnusedSchemas {

    private static final Pattern REF = Pattern.compile("#/components/schemas/([^\"]+)\"");

    private UnusedSchemas() {}

    static void remove(OpenAPI api) {
        if (api.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(references(api.getPaths()));
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (used.add(name) && api.getComponents().getSchemas().containsKey(name)) {
                toVisit.addAll(references(api.getComponents().getSchemas().get(name)));
            }
        }
        api.getComponents().getSchemas().keySet().retainAll(used);
    }

    private static Set<String> references(Object part) {
        Set<String> names = new HashSet<>();
        try {
            Matcher ref = REF.matcher(Json.mapper().writeValueAsString(part));
            while (ref.find()) {
                names.add(ref.group(1));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
