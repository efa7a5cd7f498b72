package org.ippc.cpm.query.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.ippc.cpm.CpmEngineApplication;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.command.benchmark.CommandBenchmark;
import org.ippc.cpm.command.benchmark.DatabaseMeter;
import org.ippc.cpm.command.benchmark.Percentiles;
import org.ippc.cpm.command.benchmark.ProcessCpu;
import org.ippc.cpm.domain.programme.PledgeResources;
import org.ippc.cpm.domain.programme.Resource;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.projection.ReadModels;
import org.ippc.cpm.query.EventCopies;
import org.ippc.cpm.query.SseFleet;
import org.ippc.cpm.query.audit.AggregateStates;
import org.ippc.cpm.query.audit.EventHistory;
import org.ippc.cpm.query.audit.HistoryEntry;
import org.ippc.cpm.query.audit.HistoryPoint;
import org.ippc.cpm.query.outreach.WebhookReceiver;
import org.ippc.cpm.query.outreach.webhook.WebhookSignature;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side's figures (issues 4 and 14): first three cold starts of the engine as the README starts it
 * ({@link StartUpBenchmark}), then, on a real PostgreSQL 17 with fsync on, against the whole engine in this JVM:
 * projection lag at half the maximum command rate, history and as-of latency in-process, SSE push latency to 5,000
 * subscribers over HTTP ({@link SseFleet}), webhooks, and the rebuild of all read models from 1,000,000 events. Prints a table; see
 * docs/performance.md.
 */
public final class ReadSideBenchmark {

    private static final ProcessCpu OWN_CPU = ProcessCpu.own();

    private static final Actor NZ = new Actor(Role.CONTRACTING_PARTY, "nz-delegate", "NZ");
    private static final int CLIENTS = 8;
    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 5000);
    /**
     * {@code -Dbench.statements=true}: the lag part also lists the database's statements (pg_stat_statements) and the
     * rows read per table.
     */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

    private static final int REBUILD_EVENTS = Integer.getInteger("bench.rebuildEvents", 1_000_000);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final String PARTS =
            System.getProperty("bench.parts", "start,papers,history,asof,lag,sse,rebuild,webhooks");

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // each figure also printed as it is measured, so that a part that fails later does not take it along
        Map<String, String> figures = new LinkedHashMap<>() {
            @Override
            public String put(String name, String value) {
                System.out.printf("  [measured] %s: %s%n", name, value);
                return super.put(name, value);
            }
        };
        if (PARTS.contains("start")) {
            // first, while nothing else runs on the machine
            StartUpBenchmark.measure(figures);
        }
        if (PARTS.contains("papers")) {
            // on the embedded default, with the seed story
            PapersBenchmark.measure(figures);
        }
        if (PARTS.replace("papers", "").replace("start", "").replace(",", "").isEmpty()) {
            print(figures);
            System.exit(0);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_preload_libraries", STATEMENTS ? "pg_stat_statements" : "")
                .start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE cpm_bench");
            }
            String url = postgres.getJdbcUrl("postgres", "cpm_bench");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CpmEngineApplication.class)
                    .profiles("postgres")
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + url,
                            "--cpm.security.demo-users=true",
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.datasource.hikari.maximum-pool-size=40",
                            "--cpm.webhooks.allow-private-targets=true",
                            "--logging.level.root=WARN",
                            "--logging.level.org.ippc.cpm.query.admin=INFO",
                            "--server.tomcat.max-connections=12000")) {
                run(app, figures);
            }
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, Map<String, String> figures) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        List<ProgrammeId> programmes = CommandBenchmark.prepareProgrammes(gateway, 16);

        if (PARTS.contains("history")) {
            history(app, gateway, programmes.get(0), figures);
        }
        if (PARTS.contains("asof")) {
            asOf(app, gateway, programmes.get(1), figures);
        }
        if (PARTS.contains("lag")) {
            double maximum = commandRate(gateway, programmes, SECONDS);
            Percentiles polled = projectionLag(gateway, jdbc, programmes, maximum / 2, null, new ArrayList<>());
            DatabaseMeter database = new DatabaseMeter(app.getBean(javax.sql.DataSource.class));
            DatabaseMeter.Reading databaseBefore = database.read();
            long cpuBefore = processCpuNanos();
            Map<String, long[]> tableReadsBefore = STATEMENTS ? tableReads(jdbc) : Map.of();
            if (STATEMENTS) {
                jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                jdbc.queryForList("SELECT pg_stat_statements_reset()");
            }
            List<Long> commandMicros = Collections.synchronizedList(new ArrayList<>());
            Percentiles committed = projectionLag(
                    gateway,
                    jdbc,
                    programmes,
                    maximum / 2,
                    app.getBean(EventProcessingConfiguration.class)
                            .eventProcessor(ReadModels.PROCESSING_GROUP)
                            .orElseThrow(),
                    commandMicros);
            long[] commandLatencies =
                    commandMicros.stream().mapToLong(Long::longValue).toArray();
            Percentiles command = Percentiles.of(commandLatencies, commandLatencies.length, SECONDS);
            DatabaseMeter.PerUnit perCommand = databaseBefore.perUnit(database.read(), committed.count());
            if (STATEMENTS) {
                System.out.println("The database's statements at half the maximum rate, by buffers touched:");
                jdbc.queryForList("SELECT calls, rows, round(total_exec_time) AS ms, shared_blks_hit + shared_blks_read"
                                + " AS buffers, left(query, 120) AS statement FROM pg_stat_statements"
                                + " ORDER BY buffers DESC LIMIT 15")
                        .forEach(row -> System.out.println("  " + row));
                System.out.println("Rows read per command by table (sequential scans' rows + index scans' entries):");
                tableReads(jdbc).entrySet().stream()
                        .map(table -> {
                            long[] before = tableReadsBefore.getOrDefault(table.getKey(), new long[2]);
                            return Map.entry(
                                    table.getKey(),
                                    new long[] {table.getValue()[0] - before[0], table.getValue()[1] - before[1]});
                        })
                        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                        .limit(8)
                        .forEach(table -> System.out.printf(
                                "  %-30s %8.1f rows, %d sequential scans%n",
                                table.getKey(), (double) table.getValue()[1] / committed.count(), table.getValue()[0]));
            }
            figures.put(
                    "whole engine per command at half that rate, projections included",
                    "JVM CPU %.0f us; database: CPU %.0f us, WAL %.0f B, %.2f commits, %.1f rows written, %.1f read"
                            .formatted(
                                    (processCpuNanos() - cpuBefore) / 1000.0 / committed.count(),
                                    perCommand.cpuMicros(),
                                    perCommand.walBytes(),
                                    perCommand.commits(),
                                    perCommand.rowsWritten(),
                                    perCommand.rowsRead()));
            figures.put(
                    "command rate, %d in-process clients (maximum)".formatted(CLIENTS),
                    "%.0f commands/s".formatted(maximum));
            figures.put(
                    "projection lag at half that rate (ack -> board row polled)",
                    "p50 %.1f ms, p99 %.1f ms over %d commands"
                            .formatted(polled.p50() / 1000.0, polled.p99() / 1000.0, polled.count()));
            figures.put(
                    "projection lag at half that rate (ack -> read models commit)",
                    "p50 %.1f ms, p99 %.1f ms over %d commands (target p99 <= 20 ms)"
                            .formatted(committed.p50() / 1000.0, committed.p99() / 1000.0, committed.count()));
            // The same database commits the command's own transaction: a command's latency at the same rate is
            // what one durable write costs there and then, the floor under a projection's commit after it.
            figures.put(
                    "the commands' own latency meanwhile (sent -> acknowledged)",
                    "p50 %.1f ms, p99 %.1f ms; lag p99 / command p99 = %.2f"
                            .formatted(
                                    command.p50() / 1000.0,
                                    command.p99() / 1000.0,
                                    (double) committed.p99() / command.p99()));
        }
        if (PARTS.contains("sse")) {
            Percentiles push = ssePush(gateway, port, programmes.get(2), figures);
            figures.put(
                    "SSE push to %d subscribers (command sent -> event received)".formatted(SUBSCRIBERS),
                    "p50 %.1f ms, p99 %.1f ms over %d deliveries (target p99 <= 250 ms)"
                            .formatted(push.p50() / 1000.0, push.p99() / 1000.0, push.count()));
        }
        // before the rebuild fills the store with a million events that a new subscription would be sent from the start
        if (PARTS.contains("webhooks")) {
            webhooks(app.getBean(StoredEvents.class), gateway, port, programmes.get(4), figures);
        }
        if (PARTS.contains("rebuild")) {
            rebuild(app, gateway, jdbc, port, programmes.get(3), figures);
        }
        print(figures);
    }

    private static void print(Map<String, String> figures) {
        System.out.println();
        System.out.println(
                "Read-side benchmark (PostgreSQL 17, fsync on, whole engine in one JVM, 2 cores shared with the database)");
        figures.forEach((name, value) -> System.out.printf("  %-62s %s%n", name, value));
    }

    private static void history(
            ConfigurableApplicationContext app,
            CommandGateway gateway,
            ProgrammeId historyOf,
            Map<String, String> figures) {
        for (int i = 0; i < 21; i++) {
            pledge(gateway, historyOf);
        }
        EventHistory history = app.getBean(EventHistory.class);
        int events = history.history(historyOf.value()).size();
        Percentiles historyLatency = time(20_000, 2_000, () -> history.history(historyOf.value()));
        figures.put(
                "history of one programme (%d events), in-process".formatted(events),
                "p50 %.3f ms, p99 %.3f ms (target p99 <= 1 ms)"
                        .formatted(historyLatency.p50() / 1000.0, historyLatency.p99() / 1000.0));
    }

    private static void asOf(
            ConfigurableApplicationContext app,
            CommandGateway gateway,
            ProgrammeId longOne,
            Map<String, String> figures) {
        EventHistory history = app.getBean(EventHistory.class);
        while (history.history(longOne.value()).size() < 1000) {
            pledge(gateway, longOne);
        }
        AggregateStates states = app.getBean(AggregateStates.class);
        List<Instant> recorded = history.history(longOne.value()).stream()
                .map(HistoryEntry::timestamp)
                .toList();
        // Points all over the stream (each as-of replays up to 19 events after a snapshot). A snapshot is written once,
        // by the first as-of that replays past it: here one as-of of the last version writes them all before the
        // warm-up (for the JIT), so that what is measured is the reads every later as-of does.
        states.at(longOne.value(), HistoryPoint.version(Long.MAX_VALUE));
        AtomicInteger next = new AtomicInteger();
        Percentiles byVersion =
                time(1000, 300, () -> states.at(longOne.value(), HistoryPoint.version(next.getAndAdd(37) % 1000)));
        Percentiles byInstant = time(
                1000,
                300,
                () -> states.at(
                        longOne.value(), HistoryPoint.recordedBy(recorded.get(next.getAndAdd(37) % recorded.size()))));
        figures.put(
                "as-of state of a programme with 1,000 events, in-process, by version",
                "p50 %.2f ms, p99 %.2f ms (target p99 <= 1 ms)"
                        .formatted(byVersion.p50() / 1000.0, byVersion.p99() / 1000.0));
        figures.put(
                "as-of state of a programme with 1,000 events, in-process, by instant",
                "p50 %.2f ms, p99 %.2f ms (target p99 <= 1 ms)"
                        .formatted(byInstant.p50() / 1000.0, byInstant.p99() / 1000.0));
    }

    /** Fills the store to the wanted size with copies of one programme's events, then rebuilds over HTTP. */
    private static void rebuild(
            ConfigurableApplicationContext app,
            CommandGateway gateway,
            JdbcTemplate jdbc,
            int port,
            ProgrammeId template,
            Map<String, String> figures)
            throws InterruptedException, IOException {
        for (int i = 0; i < 20; i++) {
            pledge(gateway, template);
        }
        // The copies are for the rebuild alone: the live processor would otherwise project them first.
        app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ReadModels.PROCESSING_GROUP)
                .orElseThrow()
                .shutDown();
        long total = EventCopies.fillTo(jdbc, template.value(), REBUILD_EVENTS);
        // What PostgreSQL itself gives: the same rows, in the same order, streamed out by COPY.
        long copyStart = System.nanoTime();
        long copied = copy(
                jdbc,
                manager -> manager.copyOut(
                        "COPY (SELECT * FROM domainevententry ORDER BY globalindex) TO STDOUT",
                        OutputStream.nullOutputStream()));
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        HttpApi api = new HttpApi(port);
        long start = System.nanoTime();
        api.postTo("auditor", "/api/admin/rebuild", "", Map.of());
        Runtime runtime = Runtime.getRuntime();
        long heap = 0;
        while (api.get("auditor", "/api/admin/rebuild").body().get("running").asBoolean()) {
            heap = Math.max(heap, runtime.totalMemory() - runtime.freeMemory());
            Thread.sleep(200);
        }
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        String outcome =
                api.get("auditor", "/api/admin/rebuild").body().path("outcome").asText();
        figures.put(
                "rebuild of all read models from %,d events (%s)".formatted(total, outcome),
                "%.1f s, %,.0f events/s; heap seen up to %d MB"
                        .formatted(rebuildSeconds, total / rebuildSeconds, heap / (1024 * 1024)));
        figures.put(
                "raw COPY of the same %,d rows, ordered, to nowhere".formatted(copied),
                "%.1f s, %,.0f rows/s; the rebuild runs at %.1f %% of it"
                        .formatted(
                                copySeconds,
                                copied / copySeconds,
                                100.0 * (total / rebuildSeconds) / (copied / copySeconds)));
        double rate = total / rebuildSeconds;
        writeCeiling(jdbc, total, figures, rate);
    }

    /**
     * What PostgreSQL itself takes of the rows the rebuild wrote: every read-model table copied out, then copied back
     * into fresh tables of the same columns in one transaction, with the commit — once with the tables' indexes in
     * place during the copy, once with them built after it. No engine work at all, so no rebuild that writes these
     * rows can go faster than the faster of the two.
     */
    private static void writeCeiling(JdbcTemplate jdbc, long events, Map<String, String> figures, double rebuildRate)
            throws IOException {
        Map<String, Path> copiedOut = new LinkedHashMap<>();
        long rows = 0;
        long bytes = 0;
        for (String table : ReadModels.TABLES) {
            Path file = Files.createTempFile("ceiling-" + table, ".copy");
            file.toFile().deleteOnExit();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                rows += copy(jdbc, manager -> manager.copyOut("COPY %s TO STDOUT".formatted(table), out));
            }
            bytes += Files.size(file);
            copiedOut.put(table, file);
        }
        for (boolean indexesAfter : new boolean[] {false, true}) {
            double seconds = copyBackIn(jdbc, copiedOut, indexesAfter);
            figures.put(
                    "raw COPY of the rebuilt read models back in (%,d rows, %d MB), indexes %s"
                            .formatted(rows, bytes >> 20, indexesAfter ? "built after" : "kept up"),
                    "%.1f s, %,.0f rows/s = %,.0f events/s: the rebuild runs at %.3f of it%s"
                            .formatted(
                                    seconds,
                                    rows / seconds,
                                    events / seconds,
                                    rebuildRate / (events / seconds),
                                    indexesAfter ? " (target >= 0.80)" : ""));
        }
        for (Path file : copiedOut.values()) {
            Files.delete(file);
        }
    }

    private static double copyBackIn(JdbcTemplate jdbc, Map<String, Path> copiedOut, boolean indexesAfter) {
        Map<String, List<String>> indexes = new HashMap<>();
        copiedOut
                .keySet()
                .forEach(table -> indexes.put(
                        table,
                        jdbc.queryForList(
                                "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ?::regclass",
                                String.class,
                                table)));
        long start = System.nanoTime();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                CopyManager manager = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Map.Entry<String, Path> table : copiedOut.entrySet()) {
                    String copy = "ceiling_" + table.getKey();
                    List<String> createIndexes = indexes.get(table.getKey()).stream()
                            .map(index -> index.replaceFirst(
                                    "INDEX (\\w+) ON public\\.\\w+ ", "INDEX ceiling_$1 ON " + copy + " "))
                            .toList();
                    statement.execute("CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS)".formatted(copy, table.getKey()));
                    if (!indexesAfter) {
                        for (String index : createIndexes) {
                            statement.execute(index);
                        }
                    }
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(table.getValue()), 1 << 20)) {
                        manager.copyIn("COPY %s FROM STDIN".formatted(copy), in);
                    }
                    if (indexesAfter) {
                        for (String index : createIndexes) {
                            statement.execute(index);
                        }
                    }
                }
                connection.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        copiedOut.keySet().forEach(table -> jdbc.execute("DROP TABLE ceiling_" + table));
        return seconds;
    }

    private interface Copy {
        long run(CopyManager manager) throws SQLException, IOException;
    }

    private static long copy(JdbcTemplate jdbc, Copy copy) {
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return copy.run(connection.unwrap(PGConnection.class).getCopyAPI());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Webhook deliveries to one receiver on this machine that answers 204 at once: the store's events from the
     * beginning (at least 10,000), signed and posted one after another as one subscription is delivered.
     */
    private static void webhooks(
            StoredEvents store, CommandGateway gateway, int port, ProgrammeId programme, Map<String, String> figures)
            throws Exception {
        HttpApi api = new HttpApi(port);
        while (store.count() < Integer.getInteger("bench.webhookEvents", 10_000)) {
            for (int i = 0; i < 500; i++) {
                pledge(gateway, programme);
            }
        }
        long events = store.count();
        try (WebhookReceiver receiver = new WebhookReceiver(n -> 204, n -> 0)) {
            String secret = WebhookSignature.newSecret();
            receiver.expectSecret(secret);
            long started = System.nanoTime();
            api.postTo(
                    "secretariat",
                    "/api/webhooks",
                    Map.of("url", receiver.url(), "startAt", "BEGINNING", "secret", secret),
                    Map.of());
            while (receiver.received.size() < events) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long valid = receiver.received.stream()
                    .filter(WebhookReceiver.Received::signatureValid)
                    .count();
            figures.put(
                    "webhook deliveries to one receiver (one subscription)",
                    "%.0f events/s (%d events in %.1f s, %d signatures valid)"
                            .formatted(events / seconds, events, seconds, valid));
        }
    }

    private static void pledge(CommandGateway gateway, ProgrammeId programme) {
        gateway.sendAndWait(new PledgeResources(
                programme, new Resource(ResourceKind.FUNDS, BigDecimal.TEN, "benchmark"), NZ, "benchmark"));
    }

    private static Percentiles time(int count, int warmup, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] micros = new long[count];
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            work.run();
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        return Percentiles.of(micros, count, (System.nanoTime() - started) / 1e9);
    }

    /** Commands/s with {@link #CLIENTS} clients, each on its own programme, as fast as they go. */
    private static double commandRate(CommandGateway gateway, List<ProgrammeId> programmes, double seconds)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int c = 0; c < CLIENTS; c++) {
            ProgrammeId programme = programmes.get(4 + c);
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    pledge(gateway, programme);
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return done.get() / seconds;
    }

    /**
     * Paced clients; the lag of a command is visible-at minus acknowledged-at for its version (0 if the row was visible
     * first). Visible-at is noted either by an observer that polls the board every millisecond (which itself puts a
     * thousand queries a second on the database), or, with {@code readModels} given, when the read-model processor's
     * transaction that wrote the event commits (an interceptor's after-commit callback: no load of its own).
     */
    private static Percentiles projectionLag(
            CommandGateway gateway,
            JdbcTemplate jdbc,
            List<ProgrammeId> programmes,
            double perSecond,
            EventProcessor readModels,
            List<Long> commandMicros)
            throws InterruptedException {
        List<ProgrammeId> measured = programmes.subList(4, 4 + CLIENTS);
        Map<String, Map<Long, Long>> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<Long, Long>> visible = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        for (ProgrammeId programme : measured) {
            long stored = jdbc.queryForObject(
                    "SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                    Long.class,
                    programme.value());
            while (jdbc.queryForObject(
                            "SELECT version FROM programme_board WHERE programme_id = ?", Long.class, programme.value())
                    < stored) {
                Thread.sleep(10);
            }
            seen.put(programme.value(), stored);
            acknowledged.put(programme.value(), new ConcurrentHashMap<>());
            visible.put(programme.value(), new ConcurrentHashMap<>());
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        long end = System.nanoTime() + (long) (SECONDS * 1e9);
        long interval = (long) (CLIENTS * 1e9 / perSecond);
        for (ProgrammeId programme : measured) {
            long first = seen.get(programme.value());
            pool.submit(() -> {
                long next = System.nanoTime();
                for (long version = first + 1; next < end; version++) {
                    long sent = System.nanoTime();
                    pledge(gateway, programme);
                    long acked = System.nanoTime();
                    acknowledged.get(programme.value()).put(version, acked);
                    commandMicros.add((acked - sent) / 1000);
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    }
                }
                return null;
            });
        }
        Registration committed = readModels == null
                ? () -> true
                : readModels.registerHandlerInterceptor((unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event
                            && visible.containsKey(event.getAggregateIdentifier())) {
                        unitOfWork.afterCommit(done -> visible.get(event.getAggregateIdentifier())
                                .putIfAbsent(event.getSequenceNumber(), System.nanoTime()));
                    }
                    return result;
                });
        pool.submit(() -> {
            while (readModels == null && System.nanoTime() < end + 2_000_000_000L) {
                jdbc.query(
                        "SELECT programme_id, version FROM programme_board WHERE programme_id LIKE 'bench-%'",
                        rs -> {
                            String id = rs.getString(1);
                            Long before = seen.get(id);
                            if (before != null && rs.getLong(2) > before) {
                                long now = System.nanoTime();
                                for (long v = before + 1; v <= rs.getLong(2); v++) {
                                    visible.get(id).put(v, now);
                                }
                                seen.put(id, rs.getLong(2));
                            }
                        });
                Thread.sleep(1);
            }
            return null;
        });
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        Thread.sleep(readModels == null ? 0 : 2_000);
        committed.cancel();
        List<Long> lags = new ArrayList<>();
        acknowledged.forEach((id, acks) -> acks.forEach((version, at) -> {
            Long shown = visible.get(id).get(version);
            if (shown != null) {
                lags.add(Math.max(0, shown - at) / 1000);
            }
        }));
        long[] micros = lags.stream().mapToLong(Long::longValue).toArray();
        return Percentiles.of(micros, micros.length, SECONDS);
    }

    /**
     * The subscribers are one {@link SseFleet} (one selector thread reading every stream), so the figures are the
     * engine's and not those of 5,000 client threads sharing its two cores.
     */
    private static Percentiles ssePush(
            CommandGateway gateway, int port, ProgrammeId programme, Map<String, String> figures) throws Exception {
        long heapBefore = heapAfterCollection();
        try (SseFleet fleet = new SseFleet(port, "/api/live/board", "viewer", SUBSCRIBERS)) {
            if (!fleet.awaitSnapshots(Duration.ofSeconds(60))) {
                throw new IllegalStateException("not every subscriber received its snapshot within 60 s");
            }
            figures.put(
                    "heap per SSE subscriber (engine, with the fleet's sockets)",
                    "%.1f KiB".formatted((heapAfterCollection() - heapBefore) / 1024.0 / SUBSCRIBERS));
            long cpuBefore = processCpuNanos();
            int deliveries = 0;
            int missing = 0;
            List<Long> latencies = new ArrayList<>();
            for (int round = -5; round < 20; round++) {
                // From the command's sending, not its answer: the answer can come after the change is pushed (an
                // aggregate snapshot is taken after the commit, on the command's thread).
                long sent = System.nanoTime();
                pledge(gateway, programme);
                long[] received = fleet.receivedAt(round + 6, Duration.ofSeconds(5));
                long first = Long.MAX_VALUE;
                long last = 0;
                for (long at : received) {
                    if (at == 0) {
                        missing++;
                    } else if (round >= 0) {
                        deliveries++;
                        latencies.add((at - sent) / 1000);
                        first = Math.min(first, at - sent);
                        last = Math.max(last, at - sent);
                    }
                }
                if (round >= 0) {
                    System.out.printf(
                            "SSE change %d: first subscriber %.1f ms, last %.1f ms after the command was sent; "
                                    + "%d deliveries missing so far%n",
                            round, first / 1e6, last / 1e6, missing);
                }
                Thread.sleep(300);
            }
            if (missing > 0) {
                throw new IllegalStateException(missing + " SSE deliveries missing");
            }
            figures.put(
                    "CPU per SSE delivery (engine, with the fleet's one reading thread)",
                    "%.1f us".formatted((processCpuNanos() - cpuBefore) / 1000.0 / Math.max(1, deliveries)));
            long[] micros = latencies.stream().mapToLong(Long::longValue).toArray();
            return Percentiles.of(micros, micros.length, 1);
        }
    }

    private static long heapAfterCollection() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage()
                .getUsed();
    }

    private static long processCpuNanos() {
        return OWN_CPU.read().totalNanos();
    }

    /** Per table: its sequential scans, and the rows they read plus the entries its index scans returned. */
    private static Map<String, long[]> tableReads(JdbcTemplate jdbc) {
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        Map<String, long[]> reads = new HashMap<>();
        jdbc.query(
                "SELECT relname, seq_scan, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS tuples"
                        + " FROM pg_stat_user_tables",
                row -> {
                    reads.put(row.getString("relname"), new long[] {row.getLong("seq_scan"), row.getLong("tuples")});
                });
        return reads;
    }
}
