package org.ippc.cpm.command.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ippc.cpm.command.axon.CommandAccepted;
import org.ippc.cpm.command.axon.CommandMetadata;
import org.ippc.cpm.command.axon.CommandSender;
import org.ippc.cpm.command.axon.IdempotencyStore;
import org.ippc.cpm.command.axon.VersionMismatch;
import org.ippc.cpm.command.security.Actors;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.eventstore.EventHash;
import org.ippc.cpm.platform.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint per command, {@code POST /api/commands/{lowerCamelName}} (documented one by one in OpenAPI by
 * {@code OpenApiCommands}): role check (A3), strict parsing into the command record with the actor taken from the
 * principal, then the command bus. Its refusals become problem+json in {@code ProblemAdvice}, anything else in the platform's {@code EngineProblems}.
 */
@Hidden
@RestController
@RequestMapping("/api/commands")
class CommandController {

    private static final Logger SECURITY = LoggerFactory.getLogger("cpm.security");
    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final CommandSender commands;
    private final ObjectMapper json;
    private final ObjectMapper strict;
    private final Actors actors;
    private final IdempotencyStore idempotency;

    CommandController(CommandSender commands, ObjectMapper json, Actors actors, IdempotencyStore idempotency) {
        this.commands = commands;
        this.json = json;
        this.strict = json.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // {"year": 2622.5} is refused, not read as 2622.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // {"kind": 0} is refused, not read as the first resource kind.
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // {"rationale":"a","rationale":"b"} is refused, not read as "b".
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // Numbers are read exactly, so that InputLimits sees 0.001 and 1E+18 as they were sent.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // {"rationale": 3} is refused, not read as "3"; {"valueUsd": "3"} too: each value has the type the OpenAPI
        // document states.
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        this.actors = actors;
        this.idempotency = idempotency;
    }

    @PostMapping(
            path = "/{name}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> send(
            @PathVariable String name,
            @RequestBody byte[] body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = TookPlaceOn.HEADER, required = false) String tookPlaceOnHeader,
            Authentication authentication,
            HttpServletRequest request) {
        String outcome = "failed";
        String rule = null;
        try {
            Optional<CommandType> known = CommandCatalog.find(name);
            if (known.isEmpty()) {
                outcome = "not_found";
                throw new UnknownCommand(name);
            }
            CommandType type = known.get();
            Actor actor = actors.of(authentication);
            if (!type.allows(actor.role())) {
                outcome = "forbidden";
                rule = "A3";
                SECURITY.warn("A3 refused {} for {} ({})", name, LogSafe.of(authentication.getName()), actor.role());
                throw new CommandForbidden(name, actor, type.allowedRoles());
            }
            ObjectNode tree = parseObject(body);
            Optional<LocalDate> tookPlaceOn = TookPlaceOn.parse(tookPlaceOnHeader);
            String hash = key == null
                    ? null
                    : EventHash.sha256Hex(name + "\n" + tree
                            + tookPlaceOn.map(day -> "\n" + day).orElse(""));
            Optional<CommandAccepted> replay = replay(authentication.getName(), key, hash);
            if (replay.isPresent()) {
                outcome = "replayed";
                return answer(replay.get(), true);
            }
            Object command = toCommand(type, tree, actor);
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(CommandMetadata.COMMAND_NAME, name);
            expectedVersion(ifMatch).ifPresent(version -> metaData.put(CommandMetadata.EXPECTED_VERSION, version));
            tookPlaceOn.ifPresent(day -> metaData.put(CommandMetadata.TOOK_PLACE_ON, day.toString()));
            if (key != null) {
                metaData.put(CommandMetadata.IDEMPOTENCY_KEY, key);
                metaData.put(CommandMetadata.PRINCIPAL, authentication.getName());
                metaData.put(CommandMetadata.REQUEST_HASH, hash);
            }
            try {
                CommandAccepted accepted = commands.send(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                outcome = "accepted";
                return answer(accepted, false);
            } catch (RuntimeException failure) {
                // A concurrent retry with the same key may have committed first: answer as it was answered.
                CommandAccepted first =
                        replay(authentication.getName(), key, hash).orElseThrow(() -> failure);
                outcome = "replayed";
                return answer(first, true);
            }
        } catch (RuleViolation violation) {
            outcome = "refused";
            rule = violation.rule();
            throw violation;
        } catch (BadRequest invalid) {
            outcome = "invalid";
            throw invalid;
        } catch (VersionMismatch
                | IdempotencyConflict
                | ConcurrencyException
                | AggregateStreamCreationException conflict) {
            outcome = "conflict";
            throw conflict;
        } finally {
            CommandMetrics.outcome(request, outcome, rule);
        }
    }

    /** On the answer that repeats the first one for an Idempotency-Key: nothing was recorded by this request. */
    static final String REPLAYED = "Idempotent-Replayed";

    /**
     * The answer as bytes with their length: Jackson's message converter flushes what it wrote, which made Tomcat send
     * every answer chunked, in two writes to the socket.
     */
    private ResponseEntity<byte[]> answer(CommandAccepted accepted, boolean replayed) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(accepted);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .eTag("\"" + accepted.version() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(body.length);
        return (replayed ? ok.header(REPLAYED, "true") : ok).body(body);
    }

    private Optional<CommandAccepted> replay(String principal, String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw new BadRequest(
                    "Idempotency-Key must be 1-200 visible ASCII characters",
                    List.of(FieldFault.header("Idempotency-Key", "1-200 visible ASCII characters")));
        }
        return idempotency.find(principal, key).map(remembered -> {
            if (!remembered.requestHash().equals(hash)) {
                throw new IdempotencyConflict(key);
            }
            return remembered.answer();
        });
    }

    private static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        var matcher = IF_MATCH.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new BadRequest(
                    "If-Match must be the ETag of an earlier answer, e.g. \"3\"",
                    List.of(FieldFault.header("If-Match", "an aggregate version in quotes")));
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }

    private ObjectNode parseObject(byte[] body) {
        JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (java.io.IOException malformed) {
            throw new BadRequest("The body is not valid JSON: " + FieldFault.firstLine(malformed.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest("The body must be a JSON object");
        }
        if (tree.has("actor")) {
            throw new BadRequest(
                    "The actor is taken from the authenticated user, not from the body",
                    List.of(new FieldFault("$.actor", "must not be given", "A3")));
        }
        InputLimits.check(tree);
        return (ObjectNode) tree;
    }

    private Object toCommand(CommandType type, ObjectNode tree, Actor actor) {
        ObjectNode withActor = tree.deepCopy();
        withActor.set("actor", strict.valueToTree(actor));
        try {
            return strict.treeToValue(withActor, type.recordType());
        } catch (UnrecognizedPropertyException unknown) {
            throw new BadRequest(
                    "Unknown field '%s'".formatted(unknown.getPropertyName()),
                    List.of(new FieldFault(
                            FieldFault.join(unknown.getPath(), null), "is not a field of " + type.name(), null)));
        } catch (JsonMappingException wrong) {
            FieldFault fault = FieldFault.of(wrong);
            throw new BadRequest(
                    "The body does not describe a valid " + type.name() + ": "
                            + (fault.rule() == null ? "" : fault.rule() + ": ") + fault.message(),
                    List.of(fault),
                    fault.rule());
        } catch (JsonProcessingException | IllegalArgumentException wrong) {
            throw new BadRequest("The body does not describe a valid " + type.name() + ": "
                    + FieldFault.firstLine(wrong.getMessage()));
        }
    }
}
