package org.ippc.cpm.query.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.query.PackagedEngine;

/** One node of the engine: the packaged jar as its own process on a shared PostgreSQL, as deploy/README.md runs it. */
final class EngineNode implements AutoCloseable {

    /** Tests start quicker with the JIT's first tier only; the benchmark runs the JVM as production would. */
    static final String JVM_OPTIONS = System.getProperty("engine.jvm", "-Xmx512m -XX:TieredStopAtLevel=1");

    final String name;
    final int port;
    final HttpApi api;
    final Path log;
    private final Process process;

    private EngineNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.api = new HttpApi(port);
        this.log = log;
        this.process = process;
    }

    static EngineNode start(String name, String jdbcUrl, Path home, String... arguments) throws IOException {
        int port = PackagedEngine.freePort();
        Path log = home.resolve(name + "-" + System.nanoTime() + ".log");
        List<String> withProfile = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--cpm.security.demo-users=true",
                // webhook receivers of the tests listen on loopback; a dead node's subscriptions move soon
                "--cpm.webhooks.allow-private-targets=true",
                "--cpm.webhooks.lease=3s",
                "--cpm.webhooks.timeout=2s"));
        withProfile.addAll(List.of(arguments));
        Process process = PackagedEngine.start(
                home,
                port,
                log,
                List.of(JVM_OPTIONS.split(" ")),
                Map.of(
                        "CPM_DB_URL", jdbcUrl,
                        "CPM_DB_USER", "postgres",
                        "CPM_DB_PASSWORD", "postgres",
                        "AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                withProfile);
        return new EngineNode(name, port, log, process);
    }

    /** Waits until the node answers ready; returns the instant (nanoTime) it did. */
    long awaitReady() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            assertThat(process.isAlive())
                    .as(name + " stopped:\n" + Files.readString(log))
                    .isTrue();
            try {
                if (api.get(null, "/actuator/health/readiness").status() == 200) {
                    return System.nanoTime();
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready within 180 s:\n" + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no released claim, no flushed anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
