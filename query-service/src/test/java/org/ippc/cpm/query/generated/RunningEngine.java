package org.ippc.cpm.query.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.CpmEngineApplication;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.domain.seed.SeedStory;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.projection.ReadModels;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole engine started in the test's JVM for a generated test (jqwik has no Spring extension), on the database
 * given, with the seed story sent through the command API.
 */
final class RunningEngine implements AutoCloseable {

    final HttpApi api;
    final JdbcTemplate jdbc;
    private final StoredEvents events;
    private final ConfigurableApplicationContext context;

    private RunningEngine(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new HttpApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.events = context.getBean(StoredEvents.class);
    }

    static RunningEngine start(String url, String user, String password) {
        // As arguments, which override the engine's own configuration (default properties would not).
        RunningEngine engine = new RunningEngine(new SpringApplicationBuilder(CpmEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password));
        for (SeedStory.Step step : SeedStory.steps()) {
            HttpApi.Answer answer = engine.api.post(
                    step.user(),
                    step.command(),
                    step.body(),
                    step.tookPlaceOn() == null
                            ? Map.of()
                            : Map.of("Took-Place-On", step.tookPlaceOn().toString()));
            assertThat(answer.status()).as(step.command() + " " + answer.raw()).isEqualTo(200);
        }
        engine.awaitProjected();
        // A planted mismatch, to see the generated test fail (PostgreSQL):
        // -Dgenerated.narrow=funding_entry.description:30
        String narrow = System.getProperty("generated.narrow");
        if (narrow != null) {
            String[] column = narrow.split("[.:]");
            engine.jdbc.execute("ALTER TABLE %1$s ALTER COLUMN %2$s SET DATA TYPE VARCHAR(%3$s) USING LEFT(%2$s, %3$s)"
                    .formatted(column[0], column[1], column[2]));
        }
        return engine;
    }

    /** Until every stored event is in the decision log, or one waits in the dead-letter queue (a failure to show). */
    void awaitProjected() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> deadLetters() > 0 || count("decision_log") == events.count());
    }

    long deadLetters() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM deadletterentry WHERE processinggroup = ?",
                Long.class,
                ReadModels.PROCESSING_GROUP);
    }

    String deadLetterCauses() {
        return jdbc.queryForList("SELECT payloadtype, causemessage FROM deadletterentry")
                .toString();
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Every row of every read model, in an order that does not depend on how they were written. */
    Map<String, List<String>> readModels() {
        Map<String, List<String>> tables = new HashMap<>();
        for (String table : ReadModels.TABLES) {
            List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM " + table).stream()
                    .map(Object::toString)
                    .toList());
            rows.sort(Comparator.naturalOrder());
            tables.put(table, rows);
        }
        return tables;
    }

    /** Rebuilds every read model through the admin API and waits until it has caught up. */
    void rebuild() {
        HttpApi.Answer started = api.postTo("auditor", "/api/admin/rebuild", "", Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .get("running")
                        .asBoolean());
        awaitProjected();
    }

    @Override
    public void close() {
        context.close();
    }
}
