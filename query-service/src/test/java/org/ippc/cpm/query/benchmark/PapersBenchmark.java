package org.ippc.cpm.query.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.CpmEngineApplication;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.command.benchmark.Percentiles;
import org.ippc.cpm.projection.rebuild.ReadModelPosition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The time to make a session's papers (issue 26): the engine on its embedded default with the seed story, each of
 * CPM-11's three papers in English, Arabic and Chinese, as PDF and as DOCX, over HTTP as the dashboard asks for them
 * (reading the record between two checkpoints, laying out, answering). One client, so a figure is one paper's time.
 */
final class PapersBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.paperRounds", 20);

    private PapersBenchmark() {}

    static void measure(Map<String, String> figures) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CpmEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--cpm.demo.load=true",
                        "--spring.datasource.url=jdbc:h2:mem:papers-benchmark;NON_KEYWORDS=TIMESTAMP,VALUE;"
                                + "DB_CLOSE_DELAY=-1",
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ReadModelPosition position = app.getBean(ReadModelPosition.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((position.lag() > 0 || jdbc.queryForObject("SELECT COUNT(*) FROM text_translation", Long.class) < 9)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            HttpClient http = HttpClient.newHttpClient();
            for (String format : List.of("pdf", "docx")) {
                for (String language : List.of("en", "ar", "zh")) {
                    long[] micros = new long[ROUNDS * 3];
                    long bytes = 0;
                    int n = 0;
                    long started = System.nanoTime();
                    for (int round = -3; round < ROUNDS; round++) {
                        for (String paper : List.of("agenda", "plans", "decisions")) {
                            long t = System.nanoTime();
                            HttpResponse<byte[]> answer = http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                    + "/api/query/sessions/CPM-11/papers/" + paper + "." + format
                                                    + "?language=" + language))
                                            .header("Authorization", HttpApi.basic("viewer", "viewer"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (answer.statusCode() != 200) {
                                throw new IllegalStateException(
                                        paper + "." + format + " answered " + answer.statusCode());
                            }
                            if (round >= 0) {
                                micros[n++] = (System.nanoTime() - t) / 1000;
                                bytes += answer.body().length;
                            }
                        }
                    }
                    Percentiles time = Percentiles.of(micros, n, (System.nanoTime() - started) / 1e9);
                    figures.put(
                            "a CPM-11 paper as %s in %s (H2, seed story; 3 papers x %d)"
                                    .formatted(format.toUpperCase(), language, ROUNDS),
                            "p50 %.0f ms, p99 %.0f ms, %.0f KB on average"
                                    .formatted(time.p50() / 1000.0, time.p99() / 1000.0, bytes / 1024.0 / n));
                }
            }
        }
    }
}
