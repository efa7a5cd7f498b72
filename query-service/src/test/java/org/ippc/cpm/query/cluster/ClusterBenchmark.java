package org.ippc.cpm.query.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.query.SseClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the packaged engine on one PostgreSQL 17 (fsync on), measured from outside over HTTP
 * (docs/performance.md, "Several nodes"):
 * <ol>
 *   <li>commands/s at 16 clients on one node, then spread over two nodes (each client pledging to its own programme);</li>
 *   <li>command on one node → SSE on the other, and command → read model row, p50/p99;</li>
 *   <li>segment takeover after kill -9 of a node holding read-model segments.</li>
 * </ol>
 * The clients run in this JVM and share the 2 cores with both nodes and the database.
 */
public final class ClusterBenchmark {

    private static final int CLIENTS = 16;
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

    private ClusterBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("cpm-cluster-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start()) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE cpm");
            }
            String url = postgres.getJdbcUrl("postgres", "cpm");
            JdbcTemplate store = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
            try (EngineNode a = EngineNode.start("a", url, home)) {
                a.awaitReady();
                List<String> programmes = prepare(a.api, CLIENTS);
                System.out.printf(
                        "%ncpm-engine cluster benchmark: PostgreSQL 17 (fsync on), %d cores, %d clients, %.0f s per run%n",
                        Runtime.getRuntime().availableProcessors(), CLIENTS, SECONDS);
                System.out.printf(
                        "commands/s, 1 node                         %8.0f%n", throughput(List.of(a), programmes));
                try (EngineNode b = EngineNode.start("b", url, home)) {
                    b.awaitReady();
                    Thread.sleep(5000); // the nodes share the segments
                    System.out.printf(
                            "commands/s, 2 nodes                        %8.0f%n",
                            throughput(List.of(a, b), programmes));
                    printLatencies(latencies(a, b, programmes.get(0), store));
                    System.out.printf("segment takeover after kill -9      %6d ms%n", takeover(a, store));
                }
            }
        }
    }

    /** Programmes in development, each at its own session (S1: one open at a time), ready for pledges. */
    private static List<String> prepare(HttpApi api, int count) {
        List<String> programmes = new ArrayList<>();
        String deadline = Instant.now().plus(Duration.ofDays(30)).toString();
        for (int i = 0; i < count; i++) {
            int number = 100 + i;
            String session = "CPM-" + number;
            String round = "ROUND-" + session;
            String programme = "bench-" + i;
            ok(
                    api,
                    "cpm",
                    "scheduleSession",
                    "{\"sessionId\":\"" + session + "\",\"year\":" + (2005 + number) + ",\"rationale\":\"x\"}");
            ok(
                    api,
                    "secretariat",
                    "openRound",
                    "{\"sessionId\":\"" + session + "\",\"inputDeadline\":\"" + deadline + "\",\"rationale\":\"x\"}");
            ok(api, "nz", "submitInput", "{\"roundId\":\"" + round + "\",\"rationale\":\"x\"}");
            ok(
                    api,
                    "secretariat",
                    "establishSelectionCriteria",
                    "{\"roundId\":\"" + round + "\",\"criteria\":[\"impact\"],\"rationale\":\"x\"}");
            ok(api, "secretariat", "closeInput", "{\"roundId\":\"" + round + "\",\"rationale\":\"x\"}");
            ok(
                    api,
                    "secretariat",
                    "completeAnalysis",
                    "{\"roundId\":\"" + round + "\",\"rationale\":\"x\",\"options\":[{\"optionId\":\"o\","
                            + "\"title\":\"O\",\"assessments\":[{\"criterion\":\"impact\",\"finding\":\"high\"}]}]}");
            ok(
                    api,
                    "secretariat",
                    "proposePriority",
                    "{\"roundId\":\"" + round + "\",\"programmeId\":\"" + programme + "\",\"optionId\":\"o\","
                            + "\"title\":\"T\",\"conventionArticle\":\"Article I\",\"highLevelPlan\":{\"situationAnalysis\":\"a\",\"highLevelGoal\":\"b\","
                            + "\"objective\":\"c\",\"scope\":\"d\",\"potentialActivities\":\"e\",\"indicatorsOfSuccess\":\"f\"},\"rationale\":\"x\"}");
            ok(api, "cpm", "openSession", "{\"sessionId\":\"" + session + "\",\"rationale\":\"x\"}");
            ok(
                    api,
                    "cpm",
                    "selectPriority",
                    "{\"programmeId\":\"" + programme + "\",\"sessionId\":\"" + session + "\",\"rationale\":\"x\"}");
            ok(
                    api,
                    "cpm",
                    "approveHighLevelPlan",
                    "{\"programmeId\":\"" + programme + "\",\"sessionId\":\"" + session + "\",\"rationale\":\"x\"}");
            ok(
                    api,
                    "cpm",
                    "delegateDevelopment",
                    "{\"programmeId\":\"" + programme + "\",\"sessionId\":\"" + session + "\","
                            + "\"developer\":\"SECRETARIAT\",\"operationalGuidance\":\"BUREAU\",\"rationale\":\"x\"}");
            ok(api, "cpm", "closeSession", "{\"sessionId\":\"" + session + "\",\"rationale\":\"x\"}");
            programmes.add(programme);
        }
        return programmes;
    }

    /** Commands/s of 16 clients, each pledging to its own programme through the nodes in turn, after 3 s of warm-up. */
    private static double throughput(List<EngineNode> nodes, List<String> programmes) throws Exception {
        run(nodes, programmes, 3);
        return run(nodes, programmes, SECONDS);
    }

    private static double run(List<EngineNode> nodes, List<String> programmes, double seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            HttpApi api = nodes.get(c % nodes.size()).api;
            String programme = programmes.get(c);
            running.add(clients.submit(() -> {
                while (System.nanoTime() < until) {
                    if (pledge(api, programme, "load").status() == 200) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Per sample: command → SSE on the other node, command → its row in the read model (ms). */
    private static List<long[]> latencies(EngineNode a, EngineNode b, String programme, JdbcTemplate store)
            throws Exception {
        List<long[]> samples = new ArrayList<>();
        try (SseClient onA = new SseClient(a.port, "/api/live/programmes/" + programme, "viewer", null);
                SseClient onB = new SseClient(b.port, "/api/live/programmes/" + programme, "viewer", null)) {
            for (int i = 0; i < SAMPLES; i++) {
                boolean fromA = i % 2 == 0;
                String rationale = "latency " + i;
                long sent = System.nanoTime();
                HttpApi.Answer answer = pledge(fromA ? a.api : b.api, programme, rationale);
                long version = answer.body().get("version").asLong();
                long projected;
                while (true) {
                    Integer rows = store.queryForObject(
                            "SELECT COUNT(*) FROM decision_log WHERE aggregate_id = ? AND sequence_number = ?",
                            Integer.class,
                            programme,
                            version);
                    if (rows != null && rows > 0) {
                        projected = System.nanoTime();
                        break;
                    }
                    Thread.sleep(1);
                }
                SseClient.Event pushed = MultiNodeIT.until(fromA ? onB : onA, version);
                if (pushed == null) {
                    throw new IllegalStateException("no SSE event for version " + version);
                }
                samples.add(new long[] {(pushed.receivedNanos() - sent) / 1000, (projected - sent) / 1000});
                Thread.sleep(20);
            }
        }
        return samples;
    }

    /** kill -9 of node a (holding segments); the time until b owns every read-model segment. */
    private static long takeover(EngineNode a, JdbcTemplate store) throws Exception {
        String owner = a.pid() + "@%";
        long killed = System.nanoTime();
        a.kill();
        while (store.queryForObject(
                        "SELECT COUNT(*) FROM tokenentry WHERE processorname = 'read-models' AND (owner IS NULL OR owner LIKE ?)",
                        Integer.class,
                        owner)
                > 0) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - killed) / 1_000_000;
    }

    private static HttpApi.Answer pledge(HttpApi api, String programme, String rationale) {
        return api.post(
                "ke",
                "pledgeResources",
                "{\"programmeId\":\"" + programme + "\",\"resource\":{\"kind\":\"FUNDS\","
                        + "\"valueUsd\":1,\"description\":\"d\"},\"rationale\":\"" + rationale + "\"}");
    }

    private static void ok(HttpApi api, String user, String command, String body) {
        HttpApi.Answer answer = api.post(user, command, body);
        if (answer.status() != 200) {
            throw new IllegalStateException(command + ": " + answer.raw());
        }
    }

    private static void printLatencies(List<long[]> samples) {
        List<Long> sse = new ArrayList<>();
        List<Long> readModel = new ArrayList<>();
        samples.forEach(sample -> {
            sse.add(sample[0]);
            readModel.add(sample[1]);
        });
        Collections.sort(sse);
        Collections.sort(readModel);
        System.out.printf(
                "command -> SSE on the other node    p50 %6.1f ms  p99 %6.1f ms  (%d samples)%n",
                percentile(sse, 50), percentile(sse, 99), sse.size());
        System.out.printf(
                "command -> read model row           p50 %6.1f ms  p99 %6.1f ms%n",
                percentile(readModel, 50), percentile(readModel, 99));
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
