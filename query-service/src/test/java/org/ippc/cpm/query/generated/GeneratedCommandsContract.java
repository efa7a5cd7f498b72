package org.ippc.cpm.query.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.ippc.cpm.command.HttpApi;

/**
 * Generated input over real HTTP against the whole engine, on H2 and on PostgreSQL (the subclasses): bodies for the
 * commands made from the domain's own limits, and random valid sequences of commands on one programme. Whatever is
 * accepted reaches every read model with no dead letter, and a rebuild afterwards gives the same read models; whatever
 * is refused as input is a 400 naming the field. jqwik prints each property's seed and shrinks a failure to the
 * smallest body or the shortest sequence.
 */
abstract class GeneratedCommandsContract {

    private static final String PILOT = "surveillance-pilot";
    private static final int MAX_BODY_BYTES = 65_536;

    /** Numbers for identifiers no body has used (also a session number: at most 9999). */
    private static final AtomicLong NEXT = new AtomicLong(1000);

    abstract RunningEngine engine();

    record GeneratedBody(CommandTemplate template, String path, JsonNode value) {
        @Override
        public String toString() {
            return template + " with " + path + " = " + GeneratedValue.describe(value);
        }
    }

    @Provide
    Arbitrary<GeneratedBody> bodies() {
        return Arbitraries.of(CommandTemplate.all())
                .flatMap(template -> Arbitraries.frequency(template.leaves().stream()
                                .map(path -> Tuple.of(CLOSED.matcher(path).find() ? 1 : 4, path))
                                .toList()
                                .toArray(Tuple.Tuple2[]::new))
                        .flatMap(path -> GeneratedValue.like(template.instance(0), (String) path)
                                .map(value -> new GeneratedBody(template, (String) path, value))));
    }

    /** Identifiers and closed lists, where almost any generated text is refused: chosen a quarter as often. */
    private static final java.util.regex.Pattern CLOSED =
            java.util.regex.Pattern.compile("(Id|kind|activity|engagement|addressee|dueSession)$");

    // jqwik's edge cases would be the first leaf of every body (an identifier) most of the time.
    @Property(tries = 150, afterFailure = AfterFailureMode.RANDOM_SEED, edgeCases = EdgeCasesMode.NONE)
    void a_generated_body_is_recorded_whole_everywhere_or_refused_naming_its_field(
            @ForAll("bodies") GeneratedBody generated) {
        RunningEngine engine = engine();
        ObjectNode body = generated.template().instance(NEXT.incrementAndGet());
        set(body, generated.path(), generated.value());
        String command = generated.template().command();
        if (command.equals("proposePriority")) {
            analysedRound(engine);
        }
        String json = sent(body, generated.value());
        HttpApi.Answer answer = engine.api.post(generated.template().user(), command, json);
        Statistics.collect(answer.status());
        switch (answer.status()) {
            case 200 -> {
                engine.awaitProjected();
                assertThat(engine.deadLetters()).as(engine.deadLetterCauses()).isZero();
                JsonNode recorded = logged(engine, answer);
                // An optional text left blank is recorded as absent; any other value as it was sent.
                if (!generated.value().isTextual()
                        || !generated.value().asText().isBlank()) {
                    assertThat(leaves(recorded))
                            .as("the decision log holds the event as recorded, with the value sent")
                            .anySatisfy(leaf -> assertSame(leaf, generated.value()));
                }
                if (body.has("programmeId")) {
                    String programme = body.get("programmeId").asText();
                    assertThat(engine.api
                                    .get("viewer", "/api/query/programmes/" + programme)
                                    .status())
                            .isEqualTo(200);
                    if (command.equals("proposePriority")) {
                        withdraw(engine, programme);
                    }
                }
            }
            case 400 -> {
                assertThat(answer.isProblem()).as(answer.raw()).isTrue();
                assertThat(answer.body().path("errors").findValuesAsText("path"))
                        .as("a refusal names the field: " + answer.raw())
                        .contains("$." + generated.path());
            }
            case 404 -> assertThat(generated.path()).as(answer.raw()).endsWith("Id");
            // The body as a whole has a limit of its own (cpm.http.max-body-bytes): text at the limit in characters
            // that take 3 bytes in UTF-8, or 6 as JSON escapes, can pass it.
            case 413 ->
                assertThat(json.getBytes(StandardCharsets.UTF_8).length)
                        .as(answer.raw())
                        .isGreaterThan(MAX_BODY_BYTES);
            case 409 -> assertThat(answer.rule()).as(answer.raw()).isNotNull();
            default -> throw new AssertionError("neither recorded nor refused as input or by a rule: " + answer.raw());
        }
    }

    /**
     * Each try on its own: a dead letter a failed try left would block its programme's later events and fail every
     * try after it, so that shrinking could not find the smallest body that fails by itself.
     */
    @BeforeTry
    void noDeadLetterLeftByAnEarlierTry() {
        engine().jdbc.update("DELETE FROM deadletterentry");
    }

    /** After each property: a rebuild gives the read models the live ones are. */
    @AfterProperty
    void a_rebuild_equals_the_live_read_models() {
        RunningEngine engine = engine();
        engine.awaitProjected();
        var live = engine.readModels();
        engine.rebuild();
        assertThat(engine.deadLetters()).as(engine.deadLetterCauses()).isZero();
        assertThat(engine.readModels()).isEqualTo(live);
    }

    // --- sequences ---------------------------------------------------------------------------------------------------

    @Property(tries = 8, afterFailure = AfterFailureMode.RANDOM_SEED)
    void any_valid_sequence_on_a_programme_reaches_the_board_its_experts_and_its_funding(
            @ForAll("sequences") ActionChain<PilotModel> chain) {
        chain.withInvariant("the read models show what was recorded", PilotModel::matchesTheReadModels)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<PilotModel>> sequences() {
        return ActionChain.<PilotModel>startWith(() -> new PilotModel(engine()))
                .withAction(3, new Appoint())
                .withAction(2, new Release())
                .withAction(2, new Fund("pledgeResources", "ke"))
                .withAction(2, new Fund("contributeResources", "nz"))
                .withAction(1, new Correct())
                .withMaxTransformations(12);
    }

    /** Three experts, appointed, released and appointed again in any order. */
    private static final List<String> EXPERTS = List.of("seq-expert-0", "seq-expert-1", "seq-expert-2");

    static final class PilotModel {
        final RunningEngine engine;
        final Set<String> appointed = new HashSet<>();
        BigDecimal pledged;
        BigDecimal contributed;
        long version;

        PilotModel(RunningEngine engine) {
            this.engine = engine;
            JsonNode row =
                    engine.api.get("viewer", "/api/query/programmes/" + PILOT).body();
            pledged = row.get("pledgedUsd").decimalValue();
            contributed = row.get("contributedUsd").decimalValue();
            version = row.get("version").asLong();
            appointed.addAll(appointedOnTheBoard());
        }

        /** The experts the read model shows as appointed and not released. */
        List<String> appointedOnTheBoard() {
            List<String> appointed = new ArrayList<>();
            for (JsonNode expert : engine.api
                    .get("viewer", "/api/query/programmes/" + PILOT + "/experts")
                    .body()) {
                if (expert.path("releasedAt").isNull()
                        || expert.path("releasedAt").isMissingNode()) {
                    appointed.add(expert.get("expertId").asText());
                }
            }
            return appointed;
        }

        void send(String user, String command, String fields) {
            HttpApi.Answer answer =
                    engine.api.post(user, command, "{\"programmeId\":\"" + PILOT + "\"," + fields + "}");
            assertThat(answer.status())
                    .as(command + " " + fields + ": " + answer.raw())
                    .isEqualTo(200);
            version = answer.body().get("version").asLong();
        }

        void matchesTheReadModels() {
            engine.awaitProjected();
            assertThat(engine.deadLetters()).as(engine.deadLetterCauses()).isZero();
            JsonNode row =
                    engine.api.get("viewer", "/api/query/programmes/" + PILOT).body();
            assertThat(row.get("version").asLong()).isEqualTo(version);
            assertThat(row.get("experts").asInt()).isEqualTo(appointed.size());
            assertThat(row.get("pledgedUsd").decimalValue()).isEqualByComparingTo(pledged);
            assertThat(row.get("contributedUsd").decimalValue()).isEqualByComparingTo(contributed);
            assertThat(appointedOnTheBoard()).containsExactlyInAnyOrderElementsOf(appointed);
        }

        @Override
        public String toString() {
            return "pilot at version " + version + ", experts " + appointed;
        }
    }

    static final class Appoint implements Action.Dependent<PilotModel> {
        @Override
        public boolean precondition(PilotModel pilot) {
            return pilot.appointed.size() < EXPERTS.size();
        }

        @Override
        public Arbitrary<Transformer<PilotModel>> transformer(PilotModel pilot) {
            return Arbitraries.of(EXPERTS.stream()
                            .filter(expert -> !pilot.appointed.contains(expert))
                            .toList())
                    .map(expert -> Transformer.mutate("appoint " + expert, model -> {
                        model.send(
                                "secretariat",
                                "appointExpert",
                                "\"expertId\":\"" + expert
                                        + "\",\"name\":\"N\",\"expertise\":\"E\",\"rationale\":\"r\"");
                        model.appointed.add(expert);
                    }));
        }
    }

    static final class Release implements Action.Dependent<PilotModel> {
        @Override
        public boolean precondition(PilotModel pilot) {
            return !pilot.appointed.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<PilotModel>> transformer(PilotModel pilot) {
            return Arbitraries.of(List.copyOf(pilot.appointed))
                    .map(expert -> Transformer.mutate("release " + expert, model -> {
                        model.send(
                                "secretariat", "releaseExpert", "\"expertId\":\"" + expert + "\",\"rationale\":\"r\"");
                        model.appointed.remove(expert);
                    }));
        }
    }

    record Fund(String command, String party) implements Action.Independent<PilotModel> {
        @Override
        public Arbitrary<Transformer<PilotModel>> transformer() {
            return Arbitraries.bigDecimals()
                    .between(new BigDecimal("0.01"), new BigDecimal("1000000"))
                    .ofScale(2)
                    .map(amount -> Transformer.mutate(command + " " + amount, model -> {
                        model.send(
                                party,
                                command,
                                "\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":" + amount.toPlainString()
                                        + ",\"description\":\"d\"},\"rationale\":\"r\"");
                        if (command.equals("pledgeResources")) {
                            model.pledged = model.pledged.add(amount);
                        } else {
                            model.contributed = model.contributed.add(amount);
                        }
                    }));
        }
    }

    static final class Correct implements Action.Dependent<PilotModel> {
        @Override
        public Arbitrary<Transformer<PilotModel>> transformer(PilotModel pilot) {
            return Arbitraries.longs()
                    .between(0, pilot.version)
                    .map(sequence -> Transformer.mutate(
                            "correct event " + sequence,
                            model -> model.send(
                                    "secretariat",
                                    "correctRecord",
                                    "\"correctedSequence\":" + sequence
                                            + ",\"correction\":\"c\",\"rationale\":\"r\"")));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static final Set<RunningEngine> ROUND_MADE =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private static synchronized void analysedRound(RunningEngine engine) {
        if (ROUND_MADE.add(engine)) {
            for (String[] step : CommandTemplate.round()) {
                HttpApi.Answer answer = engine.api.post(step[0], step[1], step[2]);
                assertThat(answer.status()).as(step[1] + " " + answer.raw()).isEqualTo(200);
            }
        }
    }

    /** A proposal withdrawn at once, so that the round stays under its two live proposals (P4). */
    private static void withdraw(RunningEngine engine, String programme) {
        HttpApi.Answer answer = engine.api.post(
                "secretariat", "withdrawProposal", "{\"programmeId\":\"" + programme + "\",\"rationale\":\"r\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    /** Every event the command recorded (one request's events share their correlation id), as the decision log has it. */
    private static JsonNode logged(RunningEngine engine, HttpApi.Answer answer) {
        List<String> payloads = engine.jdbc.queryForList(
                """
                SELECT payload FROM decision_log WHERE correlation_id = (SELECT correlation_id FROM decision_log
                    WHERE aggregate_id = ? AND sequence_number = ?)""",
                String.class,
                answer.body().get("aggregateId").asText(),
                answer.body().get("version").asLong());
        ArrayNode events = HttpApi.JSON.createArrayNode();
        for (String payload : payloads) {
            try {
                events.add(HttpApi.JSON.readTree(payload));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    private static List<JsonNode> leaves(JsonNode node) {
        List<JsonNode> leaves = new ArrayList<>();
        if (node.isContainerNode()) {
            node.forEach(child -> leaves.addAll(leaves(child)));
        } else {
            leaves.add(node);
        }
        return leaves;
    }

    private static void assertSame(JsonNode recorded, JsonNode sent) {
        if (sent.isNumber()) {
            assertThat(recorded.isNumber() && recorded.decimalValue().compareTo(sent.decimalValue()) == 0)
                    .isTrue();
        } else {
            assertThat(recorded.asText()).isEqualTo(sent.asText());
        }
    }

    /**
     * The body as sent: a lone surrogate cannot be encoded in UTF-8 (the client would send '?'), so a body with one
     * goes with every non-ASCII character as a JSON escape, which the engine must read as the surrogate itself.
     */
    private static String sent(ObjectNode body, JsonNode value) {
        String text = value.asText();
        boolean lone = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                lone = true;
            }
        }
        try {
            return lone
                    ? HttpApi.JSON
                            .writer()
                            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                            .writeValueAsString(body)
                    : body.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets {@code path} ({@code a.b[0].c}) in the body. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            int bracket = step.indexOf('[');
            String field = bracket < 0 ? step : step.substring(0, bracket);
            if (bracket < 0) {
                if (last) {
                    ((ObjectNode) node).set(field, value);
                } else {
                    node = node.get(field);
                }
            } else {
                int index = Integer.parseInt(step.substring(bracket + 1, step.indexOf(']')));
                ArrayNode array = (ArrayNode) node.get(field);
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            }
        }
    }
}
