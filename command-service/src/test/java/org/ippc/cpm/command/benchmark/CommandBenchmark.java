package org.ippc.cpm.command.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ippc.cpm.command.CommandServiceApplication;
import org.ippc.cpm.command.TestIssuer;
import org.ippc.cpm.domain.programme.ApproveHighLevelPlan;
import org.ippc.cpm.domain.programme.DelegateDevelopment;
import org.ippc.cpm.domain.programme.HighLevelPlan;
import org.ippc.cpm.domain.programme.PledgeResources;
import org.ippc.cpm.domain.programme.Resource;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.programme.SelectPriority;
import org.ippc.cpm.domain.round.AnalysedOption;
import org.ippc.cpm.domain.round.Assessment;
import org.ippc.cpm.domain.round.CloseInput;
import org.ippc.cpm.domain.round.CompleteAnalysis;
import org.ippc.cpm.domain.round.EstablishSelectionCriteria;
import org.ippc.cpm.domain.round.OpenRound;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.round.SubmitInput;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.session.OpenSession;
import org.ippc.cpm.domain.session.ScheduleSession;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable command throughput and latency on a real PostgreSQL 17 with fsync on, at 1, 4 and 16 clients: the raw
 * JDBC limit for the same durable work (read an aggregate's events, append one, commit), commands through the
 * in-process command gateway, and commands over HTTP with the production profile's JWT authentication. Each client
 * works on its own programme. See
 * docs/performance.md for how to run it and the recorded figures.
 */
public final class CommandBenchmark {

    private static final int[] CLIENTS = java.util.Arrays.stream(
                    System.getProperty("bench.clients", "1,4,16").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    private static final int SNAPSHOT_EVERY = 20;
    private static final double WARMUP = Double.parseDouble(System.getProperty("bench.warmup", "3"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final double JIT_WARMUP = Double.parseDouble(System.getProperty("bench.jitWarmup", "90"));
    private static final Actor CPM = new Actor(Role.CPM, "cpm");
    private static final Actor SECRETARIAT = new Actor(Role.SECRETARIAT, "secretariat");
    private static final Actor NZ = new Actor(Role.CONTRACTING_PARTY, "nz-delegate", "NZ");
    private static final byte[] PAYLOAD =
            ("{\"programmeId\":\"bench\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":1000,"
                            + "\"description\":\"Benchmark pledge\"},\"actor\":{\"role\":\"CONTRACTING_PARTY\",\"id\":\"NZ\"},"
                            + "\"rationale\":\"Benchmark pledge\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private static final String PACED = "bare app, 16, paced";
    private static final Map<String, Percentiles> RESULTS = new LinkedHashMap<>();
    private static final Map<String, Double> CPU = new LinkedHashMap<>();
    private static final Map<String, Double> CPU_WITHOUT_JIT = new LinkedHashMap<>();
    private static final Map<String, Double> CPU_IN_KERNEL = new LinkedHashMap<>();
    private static final ProcessCpu OWN_CPU = ProcessCpu.own();
    private static final Map<String, DatabaseMeter.PerUnit> DATABASE = new LinkedHashMap<>();

    private CommandBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Optional<Path> wrk = WrkLoad.wrk();
        if (wrk.isEmpty()) {
            System.out.println(
                    "wrk is not installed (apt-get install wrk): HTTP load comes from this JVM, which then shares its CPU");
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE cpm_bench");
            }
            String url = postgres.getJdbcUrl("postgres", "cpm_bench");
            List<ProgrammeId> programmes;
            try (ConfigurableApplicationContext app = engine(
                    url,
                    List.of("postgres", "production"),
                    "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestIssuer.publicKeyPem(),
                    "--cpm.security.issuer=" + TestIssuer.ISSUER,
                    "--cpm.security.audience=" + TestIssuer.AUDIENCE)) {
                CommandGateway gateway = app.getBean(CommandGateway.class);
                programmes = prepareProgrammes(gateway, 16);
                DataSource dataSource = app.getBean(DataSource.class);
                run(dataSource, gateway, port(app), programmes, "Bearer " + partyToken(), wrk);
            }
            // The embedded profile's way in (demo users, HTTP Basic), on the same database and programmes.
            try (ConfigurableApplicationContext app =
                    engine(url, List.of("postgres"), "--cpm.security.demo-users=true")) {
                String basic = basic("nz", "nz");
                String endpoint = "http://localhost:" + port(app) + "/api/commands/pledgeResources";
                overHttp(wrk, 4, 0, JIT_WARMUP, endpoint, basic, programmes);
                measure(
                        "HTTP Basic, 16",
                        OWN_CPU,
                        new DatabaseMeter(app.getBean(DataSource.class)),
                        () -> overHttp(wrk, 16, WARMUP, SECONDS, endpoint, basic, programmes));
            }
        }
        try (BareApplicationProcess bare = BareApplicationProcess.start(BareApplicationProcess.jar())) {
            String basic = basic("nz", "nz");
            String endpoint = bare.url("/api/commands/pledgeResources");
            List<ProgrammeId> names = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                names.add(new ProgrammeId("bench-" + i));
            }
            overHttp(wrk, 4, 0, JIT_WARMUP, endpoint, basic, names);
            for (int clients : new int[] {4, 16}) {
                measure(
                        "bare app, " + clients,
                        bare.cpu(),
                        null,
                        () -> overHttp(wrk, clients, WARMUP, SECONDS, endpoint, basic, names));
            }
            if (wrk.isPresent()) {
                List<String> programmes = names.stream().map(ProgrammeId::value).toList();
                long delay = pacedDelay(
                        wrk.get(),
                        endpoint,
                        basic,
                        programmes,
                        RESULTS.get("HTTP, 16").perSecond());
                measure(
                        PACED,
                        bare.cpu(),
                        null,
                        () -> WrkLoad.run(wrk.get(), 16, WARMUP, SECONDS, endpoint, basic, programmes, delay));
            }
        }
        report();
        // The HTTP client's and the scheduler's threads would otherwise keep the JVM (and the Maven build) alive.
        System.exit(0);
    }

    private static ConfigurableApplicationContext engine(String url, List<String> profiles, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=40",
                // The load comes from one address and a few users: the measure is the engine's ceiling.
                "--cpm.rate-limit.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.cpm.security=WARN"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** HTTP load from wrk, or from this JVM where wrk is not installed. */
    private static Percentiles overHttp(
            Optional<Path> wrk,
            int clients,
            double warmup,
            double seconds,
            String endpoint,
            String authorization,
            List<ProgrammeId> programmes)
            throws Exception {
        if (wrk.isPresent()) {
            return WrkLoad.run(
                    wrk.get(),
                    clients,
                    warmup,
                    seconds,
                    endpoint,
                    authorization,
                    programmes.stream().map(ProgrammeId::value).toList(),
                    0);
        }
        URL url = URI.create(endpoint).toURL();
        return LoadRunner.run(
                clients, warmup, seconds, client -> post(url, authorization, pledgeBody(programmes.get(client))));
    }

    private static byte[] pledgeBody(ProgrammeId programme) {
        return ("{\"programmeId\":\"" + programme
                        + "\",\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":1000,\"description\":\"Benchmark pledge\"},"
                        + "\"rationale\":\"Benchmark pledge\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The pause after each answer that brings 16 clients of the bare application to the engine's HTTP rate: a request
     * costs a server more CPU when requests come further apart (threads go to sleep and are woken for each one; the
     * bare application's CPU per request was 173-185 us at full speed and 308-340 us at 750 requests/s, alternating:
     * docs/performance.md), so the web stack's own cost is measured at the rate the engine served.
     */
    private static long pacedDelay(Path wrk, String endpoint, String auth, List<String> programmes, double rate)
            throws Exception {
        double cycleMillis = 16 * 1000.0 / rate;
        long probe = Math.max(1, Math.round(cycleMillis));
        double probed =
                WrkLoad.run(wrk, 16, 0, 3, endpoint, auth, programmes, probe).perSecond();
        double answerMillis = 16 * 1000.0 / probed - probe;
        return Math.max(1, Math.round(cycleMillis - answerMillis));
    }

    /** A plain keep-alive HTTP/1.1 POST: the JDK's HttpURLConnection costs the client side least of the JDK clients. */
    private static void post(URL endpoint, String auth, byte[] body) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) endpoint.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", auth);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(status + " " + answer);
            }
        }
    }

    /** A contracting party's token, as the engine's identity provider would issue it (no iat: it is optional). */
    private static String partyToken() throws Exception {
        return TestIssuer.token(
                "nz-officer", "CONTRACTING_PARTY", "NZ", Duration.ofHours(1), claims -> claims.issueTime(null));
    }

    private static void run(
            DataSource dataSource,
            CommandGateway gateway,
            int port,
            List<ProgrammeId> programmes,
            String auth,
            Optional<Path> wrk)
            throws Exception {
        DatabaseMeter database = new DatabaseMeter(dataSource);
        Resource pledge = new Resource(ResourceKind.FUNDS, new BigDecimal("1000"), "Benchmark pledge");
        LoadRunner.Operation inProcess = client ->
                gateway.sendAndWait(new PledgeResources(programmes.get(client), pledge, NZ, "Benchmark pledge"));
        String endpoint = "http://localhost:" + port + "/api/commands/pledgeResources";
        // Both paths are JIT-compiled before anything is measured, as a server that has been running would be.
        LoadRunner.run(4, 0, JIT_WARMUP, inProcess);
        overHttp(wrk, 4, 0, JIT_WARMUP, endpoint, auth, programmes);
        for (int clients : CLIENTS) {
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            long[] nextSequence = new long[clients];
            measure(
                    "raw JDBC, " + clients,
                    OWN_CPU,
                    database,
                    () -> LoadRunner.run(
                            clients,
                            WARMUP,
                            SECONDS,
                            client -> nextSequence[client] = rawTransaction(
                                    connections.get(client), "raw-" + clients + "-" + client, nextSequence[client])));
            for (Connection connection : connections) {
                connection.close();
            }
            measure(
                    "in-process, " + clients,
                    OWN_CPU,
                    database,
                    () -> LoadRunner.run(clients, WARMUP, SECONDS, inProcess));
            measure(
                    "HTTP, " + clients,
                    OWN_CPU,
                    database,
                    () -> overHttp(wrk, clients, WARMUP, SECONDS, endpoint, auth, programmes));
        }
    }

    /**
     * Runs one mode and notes the CPU the serving JVM spent per command, warm-up included (the rate of the measured
     * seconds stands for the warm-up's): the engine's own cost, which the machine's noise moves far less than the
     * rates. The database's CPU is not in it; nor are wrk's HTTP clients, which run in a process of their own.
     */
    private static void measure(String name, ProcessCpu cpu, DatabaseMeter database, Callable<Percentiles> run)
            throws Exception {
        ProcessCpu.Reading before = cpu.read();
        DatabaseMeter.Reading databaseBefore = database == null ? null : database.read();
        Percentiles measured = run.call();
        ProcessCpu.Reading spent = cpu.read().since(before);
        double commands = measured.perSecond() * (WARMUP + SECONDS);
        RESULTS.put(name, measured);
        CPU.put(name, spent.totalNanos() / 1000.0 / commands);
        CPU_WITHOUT_JIT.put(name, spent.withoutCompilerNanos() / 1000.0 / commands);
        CPU_IN_KERNEL.put(name, spent.kernelNanos() / 1000.0 / commands);
        if (database != null) {
            DATABASE.put(name, databaseBefore.perUnit(database.read(), commands));
        }
    }

    /**
     * The durable work one command does, by hand: read the aggregate's latest snapshot and the events after it (a
     * snapshot every 100 events, as the engine does for programmes), append the next event, commit.
     */
    private static long rawTransaction(Connection connection, String aggregate, long sequence) throws Exception {
        try (PreparedStatement snapshot =
                connection.prepareStatement("SELECT sequencenumber, payload FROM snapshotevententry "
                        + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1")) {
            snapshot.setString(1, aggregate);
            try (ResultSet rows = snapshot.executeQuery()) {
                consume(rows);
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequencenumber, payload, metadata FROM "
                        + "domainevententry WHERE aggregateidentifier = ? AND sequencenumber >= ? ORDER BY sequencenumber ASC")) {
            select.setString(1, aggregate);
            select.setLong(2, sequence - sequence % SNAPSHOT_EVERY);
            try (ResultSet rows = select.executeQuery()) {
                consume(rows);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (eventidentifier, "
                + "aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, "Programme");
            insert.setString(5, Instant.now().toString());
            insert.setString(6, "org.ippc.cpm.domain.programme.ResourcesPledged");
            insert.setString(7, "1");
            insert.setBytes(8, PAYLOAD);
            insert.setBytes(9, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        connection.commit();
        return sequence + 1;
    }

    private static void consume(ResultSet rows) throws Exception {
        while (rows.next()) {
            rows.getBytes(2);
        }
    }

    private static void report() {
        Map<String, Percentiles> results = RESULTS;
        Map<String, Double> cpu = CPU; // short names for the lines below
        System.out.println();
        System.out.printf(
                "cpm-engine command benchmark: PostgreSQL 17 (fsync on), %d cores, %.0f s per run after %.0f s warm-up%n",
                Runtime.getRuntime().availableProcessors(), SECONDS, WARMUP);
        System.out.printf(
                "%-22s %11s %8s %8s %12s %11s %10s | %s%n",
                "mode, clients",
                "commands/s",
                "p50 ms",
                "p99 ms",
                "JVM CPU/cmd",
                "without JIT",
                "in kernel",
                "database per command: CPU, WAL, commits, rows written, rows read");
        results.forEach((name, p) -> {
            DatabaseMeter.PerUnit db = DATABASE.get(name);
            System.out.printf(
                    "%-22s %11.0f %8.2f %8.2f %9.0f us %8.0f us %7.0f us | %s%n",
                    name,
                    p.perSecond(),
                    p.p50() / 1000.0,
                    p.p99() / 1000.0,
                    cpu.get(name),
                    CPU_WITHOUT_JIT.get(name),
                    CPU_IN_KERNEL.get(name),
                    db == null
                            ? "-"
                            : "%.0f us, %.0f B, %.2f, %.1f, %.1f"
                                    .formatted(
                                            db.cpuMicros(),
                                            db.walBytes(),
                                            db.commits(),
                                            db.rowsWritten(),
                                            db.rowsRead()));
        });
        double raw16 = results.get("raw JDBC, 16").perSecond();
        double inProcess16 = results.get("in-process, 16").perSecond();
        double http16 = results.get("HTTP, 16").perSecond();
        double httpCost = cpu.get("HTTP, 16") - cpu.get("in-process, 16");
        Map<String, Double> steady = CPU_WITHOUT_JIT;
        double steadyHttpCost = steady.get("HTTP, 16") - steady.get("in-process, 16");
        System.out.println();
        System.out.printf("%-58s %14s %14s %9s %12s%n", "ratio (same run)", "figure", "baseline", "ratio", "target");
        ratio(
                "in-process / raw JDBC, 16 clients (commands/s)",
                inProcess16,
                raw16,
                ">= 0.90",
                inProcess16 / raw16 >= 0.9);
        ratio(
                "HTTP (JWT) / in-process, 16 clients (commands/s)",
                http16,
                inProcess16,
                ">= 0.80",
                http16 / inProcess16 >= 0.8);
        if (steady.containsKey(PACED)) {
            ratio(
                    "HTTP CPU above in-process / bare app at its rate, w/o JIT",
                    steadyHttpCost,
                    steady.get(PACED),
                    "<= 1.20",
                    steadyHttpCost / steady.get(PACED) <= 1.2);
        }
        ratio(
                "the same, all CPU / bare app at full speed (as before)",
                httpCost,
                cpu.get("bare app, 16"),
                "(report)",
                true);
        ratio(
                "HTTP Basic (demo users) / HTTP (JWT), 16 (commands/s)",
                results.get("HTTP Basic, 16").perSecond(),
                http16,
                ">= 0.50",
                results.get("HTTP Basic, 16").perSecond() / http16 >= 0.5);
        if (!results.containsKey("raw JDBC, 1")) {
            return;
        }
        ratio(
                "in-process p50 / raw p50, 1 client (ms)",
                results.get("in-process, 1").p50() / 1000.0,
                results.get("raw JDBC, 1").p50() / 1000.0,
                "<= 2.00",
                results.get("in-process, 1").p50()
                        <= 2 * results.get("raw JDBC, 1").p50());
    }

    private static void ratio(String figure, double value, double baseline, String target, boolean met) {
        System.out.printf(
                "%-58s %14.1f %14.1f %9.3f %12s %s%n",
                figure,
                value,
                baseline,
                value / baseline,
                target,
                target.startsWith("(") ? "" : met ? "met" : "NOT MET");
    }

    /** Sixteen programmes in APPROVED and beyond, proposed two per round as P4 allows, across eight sessions. */
    public static List<ProgrammeId> prepareProgrammes(CommandGateway gateway, int count) {
        HighLevelPlan plan = new HighLevelPlan("a", "b", "c", "d", "e", "f");
        List<ProgrammeId> programmes = new ArrayList<>();
        for (int s = 0; s < count / 2; s++) {
            SessionId session = SessionId.of(500 + s);
            RoundId round = RoundId.forSession(session);
            gateway.sendAndWait(new ScheduleSession(session, session.year(), CPM, "benchmark"));
            gateway.sendAndWait(
                    new OpenRound(session, Instant.now().plus(Duration.ofDays(1)), SECRETARIAT, "benchmark"));
            gateway.sendAndWait(new SubmitInput(round, null, NZ, "benchmark"));
            gateway.sendAndWait(new EstablishSelectionCriteria(round, List.of("impact"), SECRETARIAT, "benchmark"));
            gateway.sendAndWait(new CloseInput(round, SECRETARIAT, "benchmark"));
            gateway.sendAndWait(new CompleteAnalysis(
                    round,
                    List.of(
                            new AnalysedOption("a", "A", List.of(new Assessment("impact", "high"))),
                            new AnalysedOption("b", "B", List.of(new Assessment("impact", "high")))),
                    null,
                    SECRETARIAT,
                    "benchmark"));
            List<ProgrammeId> pair =
                    List.of(new ProgrammeId("bench-" + (2 * s)), new ProgrammeId("bench-" + (2 * s + 1)));
            gateway.sendAndWait(
                    new ProposePriority(round, pair.get(0), "a", "A", "Article I", plan, SECRETARIAT, "benchmark"));
            gateway.sendAndWait(
                    new ProposePriority(round, pair.get(1), "b", "B", "Article I", plan, SECRETARIAT, "benchmark"));
            gateway.sendAndWait(new OpenSession(session, CPM, "benchmark"));
            for (ProgrammeId programme : pair) {
                gateway.sendAndWait(new SelectPriority(programme, session, CPM, "benchmark"));
                gateway.sendAndWait(new ApproveHighLevelPlan(programme, session, null, CPM, "benchmark"));
                gateway.sendAndWait(
                        new DelegateDevelopment(programme, session, Body.SECRETARIAT, Body.BUREAU, CPM, "benchmark"));
            }
            gateway.sendAndWait(new CloseSession(session, CPM, "benchmark"));
            programmes.addAll(pair);
        }
        return programmes;
    }
}
