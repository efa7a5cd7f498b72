package org.ippc.cpm.command.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bare application (module bare-application) in a JVM of its own, so that its CPU is its own: the baseline that
 * the engine's HTTP cost, start-up and memory are compared with in the same run.
 */
public final class BareApplicationProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startedAt = System.nanoTime();
    private final long readyAfterNanos;

    private BareApplicationProcess(Path jar, List<String> jvmOptions) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No bare application at " + jar + ": build it first (./mvnw -pl bare-application package)");
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=WARN"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        readyAfterNanos = awaitReady() - startedAt;
    }

    public static BareApplicationProcess start(Path jar, String... jvmOptions) throws Exception {
        return new BareApplicationProcess(jar, List.of(jvmOptions));
    }

    /** Where the bare application's jar is, as the benchmark's Maven profile passes it. */
    public static Path jar() {
        return Path.of(System.getProperty("bench.bare", "../bare-application/target/bare-application.jar"));
    }

    private long awaitReady() throws Exception {
        awaitReady(port, process);
        return System.nanoTime();
    }

    /** Waits (up to 60 s) for the first 200 of a Spring Boot process's readiness probe on this port. */
    public static void awaitReady(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process stopped with " + process.exitValue());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within 60 s");
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public double readySeconds() {
        return readyAfterNanos / 1e9;
    }

    public long pid() {
        return process.pid();
    }

    /** The CPU its JVM has spent so far, in nanoseconds. */
    ProcessCpu cpu() {
        return ProcessCpu.of(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
