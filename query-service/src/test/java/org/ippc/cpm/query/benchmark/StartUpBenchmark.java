package org.ippc.cpm.query.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ippc.cpm.query.PackagedEngine;

/**
 * Cold starts of the engine exactly as the README starts it, each on a fresh embedded database in a directory of its
 * own: time from {@code java} to the first 200 of the readiness probe, and the resident memory of the idle engine
 * {@link #IDLE} after that (long enough for {@code IdleHeapRelease}'s first idle collection).
 */
final class StartUpBenchmark {

    private static final int STARTS = Integer.getInteger("bench.starts", 3);
    private static final Duration IDLE = Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 30));

    private StartUpBenchmark() {}

    static void measure(Map<String, String> figures) throws Exception {
        double[] seconds = new double[STARTS];
        long[] rssMib = new long[STARTS];
        for (int i = 0; i < STARTS; i++) {
            Path home = Files.createTempDirectory("cpm-start");
            int port = PackagedEngine.freePort();
            long started = System.nanoTime();
            Process engine = PackagedEngine.startAsTheReadmeSays(home, port, home.resolve("engine.log"), List.of());
            try {
                awaitReady(port, engine);
                seconds[i] = (System.nanoTime() - started) / 1e9;
                Thread.sleep(IDLE.toMillis());
                rssMib[i] = residentMib(engine);
            } finally {
                engine.destroy();
                engine.waitFor(60, TimeUnit.SECONDS);
            }
        }
        figures.put(
                "start to ready, README's command, fresh H2 (%d cold starts)".formatted(STARTS),
                "median %.2f s (%s; target <= 5 s)"
                        .formatted(
                                median(seconds),
                                Arrays.stream(seconds)
                                        .mapToObj("%.2f"::formatted)
                                        .collect(Collectors.joining(", "))));
        figures.put(
                "resident memory %d s after ready, idle".formatted(IDLE.toSeconds()),
                "median %d MiB (%s; target <= 300 MiB)"
                        .formatted(
                                (long) median(
                                        Arrays.stream(rssMib).asDoubleStream().toArray()),
                                Arrays.toString(rssMib)));
    }

    private static void awaitReady(int port, Process engine) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until && engine.isAlive()) {
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the engine was not ready within 120 s");
    }

    private static long residentMib(Process engine) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + engine.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst()
                .orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
