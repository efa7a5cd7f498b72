package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ippc.cpm.command.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * What a new user does after the README's build command: starts the packaged engine as its own process exactly as the
 * README says (its {@code java} command, read from README.md, with the class-data archive the build made), with the
 * demo data, waits for health, reads the board through the API, stops it, starts it again on the same ./data and
 * finds everything still there.
 */
class NewUserIT {

    @Test
    void the_packaged_engine_starts_loads_the_demo_shows_it_and_keeps_it_across_a_restart() throws Exception {
        List<String> readme = PackagedEngine.readmeStartCommand();
        assertThat(Path.of(readme.get(readme.indexOf("-jar") + 1)))
                .as("the jar the README's command starts")
                .exists();
        Path home = Files.createTempDirectory("cpm-new-user");
        int port = PackagedEngine.freePort();
        HttpApi api = new HttpApi(port);

        Path firstLog = home.resolve("first.log");
        Process engine = start(home, port, firstLog, "--cpm.demo.load=true");
        try {
            awaitHealthy(api, engine, firstLog);
            assertTheClassDataArchiveIsMapped(engine);
            awaitLog(firstLog, "Demo data: 61 of 61 commands recorded, 0 already recorded before");
            assertThat(Files.readString(firstLog))
                    .as("the README's command starts from the bean definitions prepared at build time")
                    .contains("Starting AOT-processed CpmEngineApplication")
                    .contains("/dashboard/")
                    .contains("Demo users (password = user name)");
            JsonNode board = awaitBoard(api);
            assertThat(board.findValuesAsText("programmeId")).containsExactly("diagnostics", "surveillance-pilot");
            assertThat(board.findValuesAsText("stage")).containsExactly("NOT_SELECTED", "UNDER_MANAGEMENT");
            assertThat(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/"))
                                    .build())
                            .status())
                    .isEqualTo(200);
        } finally {
            stop(engine);
        }
        assertThat(Files.readString(firstLog)).doesNotContain(" ERROR ");
        assertThat(Files.exists(home.resolve("data"))).isTrue();
        assertReadyAfterTheDemo(firstLog);

        Path secondLog = home.resolve("second.log");
        Process again = start(home, port, secondLog, "--cpm.demo.load=true");
        try {
            awaitHealthy(api, again, secondLog);
            awaitLog(secondLog, "Demo data: 0 of 61 commands recorded, 61 already recorded before");
            assertThat(awaitBoard(api).findValuesAsText("stage")).containsExactly("NOT_SELECTED", "UNDER_MANAGEMENT");
            assertThat(api.get("auditor", "/api/audit/verify")
                            .body()
                            .get("intact")
                            .asBoolean())
                    .isTrue();
        } finally {
            stop(again);
        }
        assertThat(Files.readString(secondLog))
                .as("the demo loaded again on the same data changes nothing")
                .doesNotContain(" ERROR ")
                .doesNotContain("Demo step");
        assertReadyAfterTheDemo(secondLog);
    }

    /** The banner that says the engine is ready comes after the demo has loaded. */
    private static void assertReadyAfterTheDemo(Path log) throws IOException {
        String text = Files.readString(log);
        assertThat(text.indexOf("cpm-engine is ready at"))
                .isGreaterThan(text.indexOf("Demo data: 61 of 61 commands recorded"));
    }

    private static Process start(Path home, int port, Path log, String... arguments) throws IOException {
        return PackagedEngine.startAsTheReadmeSays(home, port, log, List.of(arguments));
    }

    /** The class-data archive that the README's command names is mapped into the engine's memory, not ignored. */
    private static void assertTheClassDataArchiveIsMapped(Process engine) throws IOException {
        String archive = PackagedEngine.readmeStartCommand().stream()
                .filter(word -> word.startsWith("-XX:SharedArchiveFile="))
                .map(word -> word.substring("-XX:SharedArchiveFile=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the README's start command uses no class-data archive"));
        assertThat(Files.readString(Path.of("/proc/" + engine.pid() + "/maps"))).contains(archive);
    }

    private static void awaitHealthy(HttpApi api, Process engine, Path log) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            assertThat(engine.isAlive())
                    .as("the engine stopped:\n" + Files.readString(log))
                    .isTrue();
            try {
                if (api.get(null, "/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no health within 120 s:\n" + Files.readString(log));
    }

    private static void awaitLog(Path log, String line) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(log).contains(line)) {
            assertThat(System.nanoTime())
                    .as("log line '%s' missing:\n%s", line, Files.readString(log))
                    .isLessThan(until);
            Thread.sleep(250);
        }
    }

    private static JsonNode awaitBoard(HttpApi api) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode items = null;
        while (System.nanoTime() < until) {
            items = api.get("viewer", "/api/query/programmes").body().get("items");
            if (items.size() == 2 && items.get(1).get("lastEvent").asText().equals("ProgressReported")) {
                return items;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("board incomplete: " + items);
    }

    private static void stop(Process engine) throws InterruptedException {
        engine.destroy();
        assertThat(engine.waitFor(60, TimeUnit.SECONDS))
                .as("the engine stops on SIGTERM")
                .isTrue();
        assertThat(engine.exitValue()).isIn(0, 143);
    }
}
