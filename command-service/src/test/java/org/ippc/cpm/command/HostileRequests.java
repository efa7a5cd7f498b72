package org.ippc.cpm.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ippc.cpm.command.api.CommandCatalog;
import org.ippc.cpm.command.api.CommandType;
import org.ippc.cpm.command.security.DemoUsers;
import org.ippc.cpm.domain.shared.Role;

/**
 * Generates malformed and hostile requests from each command's valid example: every mutation is one that no
 * correct server may accept (wrong shapes, unknown fields, oversize, broken JSON or UTF-8, wrong role or media type).
 */
final class HostileRequests {

    record Hostile(String description, String user, String command, byte[] body, Map<String, String> headers) {}

    private final Random random = new Random(20151601);
    private final List<Hostile> requests = new ArrayList<>();

    static List<Hostile> generate() {
        HostileRequests generator = new HostileRequests();
        CommandCatalog.all().forEach(generator::forCommand);
        generator.unknownCommands();
        return generator.requests;
    }

    private void forCommand(CommandType type) {
        ObjectNode example = type.exampleBody();
        String user = allowedUser(type);
        Iterator<String> fields = example.fieldNames();
        List<String> names = new ArrayList<>();
        fields.forEachRemaining(names::add);
        for (String field : names) {
            add(type, user, "object for " + field, replace(example, field, nestedObject(3)));
            add(type, user, "nested arrays for " + field, replace(example, field, nestedArrays(3)));
            add(
                    type,
                    user,
                    "30000-char string for " + field,
                    replace(example, field, HttpApi.JSON.getNodeFactory().textNode("x".repeat(30_000))));
            add(type, user, "1000 numbers for " + field, replace(example, field, numbers(1000)));
        }
        ObjectNode unknown = example.deepCopy();
        unknown.put("unexpected" + random.nextInt(1000), "field");
        add(type, user, "unknown field", unknown);
        ObjectNode withActor = example.deepCopy();
        withActor.putObject("actor").put("role", "CPM").put("id", "impostor");
        add(type, user, "actor in the body", withActor);
        byte[] valid = bytes(example);
        requests.add(new Hostile(
                "truncated JSON", user, type.name(), java.util.Arrays.copyOf(valid, valid.length / 2), Map.of()));
        requests.add(new Hostile("invalid UTF-8", user, type.name(), invalidUtf8(valid), Map.of()));
        requests.add(new Hostile(
                "deep nesting",
                user,
                type.name(),
                ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8),
                Map.of()));
        requests.add(new Hostile(
                "top-level array",
                user,
                type.name(),
                ("[" + example + "]").getBytes(StandardCharsets.UTF_8),
                Map.of()));
        requests.add(new Hostile(
                "top-level string",
                user,
                type.name(),
                "\"selectPriority\"".getBytes(StandardCharsets.UTF_8),
                Map.of()));
        requests.add(
                new Hostile("top-level null", user, type.name(), "null".getBytes(StandardCharsets.UTF_8), Map.of()));
        requests.add(new Hostile("empty body", user, type.name(), new byte[0], Map.of()));
        requests.add(new Hostile(
                "trailing garbage", user, type.name(), (example + "}{").getBytes(StandardCharsets.UTF_8), Map.of()));
        requests.add(new Hostile("text/plain", user, type.name(), valid, Map.of("Content-Type", "text/plain")));
        requests.add(new Hostile(
                "application/xml",
                user,
                type.name(),
                "<select/>".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml")));
        requests.add(new Hostile(
                "oversized body",
                user,
                type.name(),
                ("{\"rationale\":\"" + "y".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of()));
        requests.add(new Hostile("wrong role", forbiddenUser(type), type.name(), valid, Map.of()));
        requests.add(new Hostile(
                "wrong password",
                null,
                type.name(),
                valid,
                Map.of("Authorization", HttpApi.basic(user, "not-" + user))));
        requests.add(new Hostile("no credentials", null, type.name(), valid, Map.of()));
        requests.add(new Hostile(
                "If-Match garbage", user, type.name(), bytes(unknown), Map.of("If-Match", "version seven")));
        requests.add(new Hostile(
                "Idempotency-Key too long",
                user,
                type.name(),
                bytes(unknown),
                Map.of("Idempotency-Key", "k".repeat(300))));
    }

    private void unknownCommands() {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        for (int i = 0; i < 60; i++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(i < 50 ? 30 : 250);
            for (int c = 0; c < length; c++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            requests.add(new Hostile(
                    "unknown command",
                    "secretariat",
                    name.toString(),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    Map.of()));
        }
        for (String near :
                List.of("SelectPriority", "selectpriority", "markActionItemOverdue", "select-priority", "_")) {
            requests.add(new Hostile("unknown command", "cpm", near, "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
        }
    }

    private void add(CommandType type, String user, String description, JsonNode body) {
        requests.add(new Hostile(description, user, type.name(), bytes(body), Map.of()));
    }

    private static ObjectNode replace(ObjectNode example, String field, JsonNode value) {
        ObjectNode copy = example.deepCopy();
        copy.set(field, value);
        return copy;
    }

    private ObjectNode nestedObject(int depth) {
        ObjectNode node = HttpApi.JSON.createObjectNode();
        ObjectNode current = node;
        for (int i = 0; i < depth; i++) {
            current = current.putObject("level" + i);
            current.put("noise", random.nextLong());
        }
        return node;
    }

    private static ArrayNode nestedArrays(int depth) {
        ArrayNode root = HttpApi.JSON.createArrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    private static ArrayNode numbers(int count) {
        ArrayNode array = HttpApi.JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            array.add(i);
        }
        return array;
    }

    private static byte[] invalidUtf8(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int at = text.indexOf("\":\"") + 3;
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, broken, 0, head.length);
        broken[head.length] = (byte) 0xC3;
        broken[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, broken, head.length + 2, tail.length);
        return broken;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return HttpApi.JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String allowedUser(CommandType type) {
        return DemoUsers.USERS.stream()
                .filter(u -> type.allows(u.role()))
                .findFirst()
                .orElseThrow()
                .name();
    }

    private static String forbiddenUser(CommandType type) {
        return DemoUsers.USERS.stream()
                .filter(u -> !type.allows(u.role()) && u.role() != Role.CPM)
                .findFirst()
                .orElseThrow()
                .name();
    }
}
