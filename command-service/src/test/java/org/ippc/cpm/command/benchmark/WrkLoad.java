package org.ippc.cpm.command.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from a second process, `wrk` (Debian's package), so that the client's own work does not eat into the
 * server's two cores: one wrk thread and one keep-alive connection per client, each client on its own programme.
 */
final class WrkLoad {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern COUNT = Pattern.compile("(\\d+) requests in ([\\d.]+)(ms|s|m)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: .*");

    private WrkLoad() {}

    static Optional<Path> wrk() {
        return List.of("/usr/bin/wrk", "/usr/local/bin/wrk").stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Each client waits {@code delayMillis} after an answer before its next request (0: none, full speed). */
    static Percentiles run(
            Path wrk,
            int clients,
            double warmupSeconds,
            double seconds,
            String url,
            String authorization,
            List<String> programmes,
            long delayMillis)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("cpm-bench", ".lua");
        Files.writeString(
                script,
                """
                local programmes = {%s}
                local next = 1
                function setup(thread)
                  thread:set("programme", programmes[next])
                  next = next + 1
                end
                function init(args)
                  wrk.method = "POST"
                  wrk.headers["Content-Type"] = "application/json"
                  wrk.headers["Authorization"] = "%s"
                  wrk.body = '{"programmeId":"' .. programme .. '","resource":{"kind":"FUNDS","valueUsd":1000,'
                    .. '"description":"Benchmark pledge"},"rationale":"Benchmark pledge"}'
                end
                """.formatted(
                                        String.join(
                                                ",",
                                                programmes.stream()
                                                        .limit(clients)
                                                        .map(p -> "\"" + p + "\"")
                                                        .toList()),
                                        authorization)
                        + (delayMillis > 0 ? "function delay() return " + delayMillis + " end\n" : ""),
                StandardCharsets.UTF_8);
        if (warmupSeconds > 0) {
            execute(wrk, clients, warmupSeconds, url, script);
        }
        String output = execute(wrk, clients, seconds, url, script);
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IllegalStateException("wrk saw failed requests: " + errors.group() + "\n" + output);
        }
        Matcher count = COUNT.matcher(output);
        if (!count.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        double measured = Double.parseDouble(count.group(2))
                * switch (count.group(3)) {
                    case "ms" -> 0.001;
                    case "m" -> 60;
                    default -> 1;
                };
        return new Percentiles(
                Long.parseLong(count.group(1)), measured, percentile(output, "50%"), percentile(output, "99%"));
    }

    private static String execute(Path wrk, int clients, double seconds, String url, Path script)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        wrk.toString(),
                        "-t" + clients,
                        "-c" + clients,
                        "-d" + Math.round(seconds) + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(Math.round(seconds) + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    /** A latency percentile from wrk's --latency table, in microseconds. */
    private static long percentile(String output, String label) {
        Matcher line = Pattern.compile("\\s" + label + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("no " + label + " in wrk output:\n" + output);
        }
        double value = Double.parseDouble(line.group(1));
        return Math.round(
                switch (line.group(2)) {
                    case "us" -> value;
                    case "ms" -> value * 1_000;
                    default -> value * 1_000_000;
                });
    }
}
