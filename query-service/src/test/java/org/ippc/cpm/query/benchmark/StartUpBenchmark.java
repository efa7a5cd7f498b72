package org.ippc.cpm.query.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ippc.cpm.command.benchmark.BareApplicationProcess;
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
        double[] bareSeconds = new double[STARTS];
        long[] bareRssMib = new long[STARTS];
        // The engine and the bare application alternate, so that a slower minute of the machine falls on both.
        for (int i = 0; i < STARTS; i++) {
            Path home = Files.createTempDirectory("cpm-start");
            int port = PackagedEngine.freePort();
            long started = System.nanoTime();
            Process engine = PackagedEngine.startAsTheReadmeSays(home, port, home.resolve("engine.log"), List.of());
            try {
                BareApplicationProcess.awaitReady(port, engine);
                seconds[i] = (System.nanoTime() - started) / 1e9;
                Thread.sleep(IDLE.toMillis());
                rssMib[i] = residentMib(engine.pid());
            } finally {
                engine.destroy();
                engine.waitFor(60, TimeUnit.SECONDS);
            }
            try (BareApplicationProcess bare = BareApplicationProcess.start(BareApplicationProcess.jar())) {
                bareSeconds[i] = bare.readySeconds();
                Thread.sleep(IDLE.toMillis());
                bareRssMib[i] = residentMib(bare.pid());
            }
        }
        figures.put(
                "start to ready, README's command, fresh H2 (%d cold starts)".formatted(STARTS),
                "median %.2f s (%s)".formatted(median(seconds), list(seconds)));
        figures.put(
                "  bare application, plain jar (%d cold starts)".formatted(STARTS),
                "median %.2f s (%s): ratio %.2f (target <= 0.60)"
                        .formatted(median(bareSeconds), list(bareSeconds), median(seconds) / median(bareSeconds)));
        figures.put(
                "resident memory %d s after ready, idle".formatted(IDLE.toSeconds()),
                "median %d MiB (%s)".formatted((long) median(rssMib), Arrays.toString(rssMib)));
        figures.put(
                "  bare application, idle",
                "median %d MiB (%s): ratio %.2f (target <= 0.90)"
                        .formatted(
                                (long) median(bareRssMib),
                                Arrays.toString(bareRssMib),
                                median(rssMib) / median(bareRssMib)));
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj("%.2f"::formatted).collect(Collectors.joining(", "));
    }

    private static long residentMib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst()
                .orElseThrow();
    }

    private static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
