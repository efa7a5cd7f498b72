package org.ippc.cpm.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acknowledged commands survive a restart of the application on the same embedded database: every event and version,
 * the pending input deadline (which then fires after the restart) and the C3 saga's state.
 */
class RestartDurabilityTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(org.ippc.cpm.command.CommandServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("cpm")
                                + ";NON_KEYWORDS=TIMESTAMP,VALUE");
    }

    private static HttpApi api(ConfigurableApplicationContext app) {
        return new HttpApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static List<Map<String, Object>> events(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class)
                .queryForList("SELECT aggregateidentifier, sequencenumber, payloadtype, eventidentifier "
                        + "FROM domainevententry ORDER BY globalindex");
    }

    /** The aggregate's event types once it has at least {@code count} events, or after 40 s, whatever it has then. */
    private static List<String> awaitEvents(JdbcTemplate jdbc, String aggregateId, int count)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        List<String> types;
        do {
            types = jdbc.queryForList(
                    "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                            + "ORDER BY sequencenumber",
                    String.class,
                    aggregateId);
            if (types.size() < count) {
                Thread.sleep(200);
            }
        } while (types.size() < count && System.nanoTime() < until);
        return types;
    }

    private static void ok(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    @Test
    void events_versions_deadlines_and_sagas_survive_a_restart() throws Exception {
        List<Map<String, Object>> acknowledged;
        String openedEtag;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi api = api(first);
            ok(api.post("cpm", "scheduleSession", "{\"sessionId\":\"CPM-9\",\"year\":2014,\"rationale\":\"x\"}"));
            ok(api.post("cpm", "openSession", "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}"));
            ok(
                    api.post(
                            "cpm",
                            "recordDecision",
                            "{\"decisionId\":\"CPM-9-5\",\"sessionId\":\"CPM-9\",\"number\":5,\"text\":\"t\","
                                    + "\"actionItems\":[{\"itemId\":\"5b\",\"addressee\":\"SPG\",\"dueSession\":\"CPM-10\",\"request\":\"r\"}],\"rationale\":\"x\"}"));
            ok(api.post("cpm", "closeSession", "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}"));
            HttpApi.Answer scheduled = api.post(
                    "cpm",
                    "scheduleSession",
                    "{\"sessionId\":\"CPM-10\",\"year\":2015,\"rationale\":\"x\"}",
                    Map.of("Idempotency-Key", "schedule-cpm-10"));
            ok(scheduled);
            openedEtag = scheduled.etag();
            String deadline = Instant.now().plus(Duration.ofSeconds(5)).toString();
            ok(api.post(
                    "secretariat",
                    "openRound",
                    "{\"sessionId\":\"CPM-10\",\"inputDeadline\":\"" + deadline + "\",\"rationale\":\"x\"}"));
            acknowledged = events(first);
            assertThat(first.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'",
                                    Integer.class))
                    .isEqualTo(1);
            assertThat(acknowledged)
                    .filteredOn(e -> "ROUND-CPM-10".equals(e.get("AGGREGATEIDENTIFIER")))
                    .hasSize(1);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = api(second);
            assertThat(events(second)).startsWith(acknowledged.toArray(Map[]::new));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(awaitEvents(jdbc, "ROUND-CPM-10", 2))
                    .as("the input deadline set before the restart fires after it")
                    .containsExactly("org.ippc.cpm.domain.round.RoundOpened", "org.ippc.cpm.domain.round.InputClosed");

            HttpApi.Answer retried = api.post(
                    "cpm",
                    "scheduleSession",
                    "{\"sessionId\":\"CPM-10\",\"year\":2015,\"rationale\":\"x\"}",
                    Map.of("Idempotency-Key", "schedule-cpm-10"));
            ok(retried);
            assertThat(retried.etag())
                    .as("a retry after the restart gets the first answer")
                    .isEqualTo(openedEtag);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = 'CPM-10'",
                            Integer.class))
                    .isEqualTo(1);

            HttpApi.Answer opened = api.post(
                    "cpm",
                    "openSession",
                    "{\"sessionId\":\"CPM-10\",\"rationale\":\"x\"}",
                    Map.of("If-Match", openedEtag));
            ok(opened);
            assertThat(opened.etag()).isEqualTo("\"1\"");
            assertThat(awaitEvents(jdbc, "CPM-9-5", 2))
                    .as("the C3 saga started before the restart marks the item overdue after it")
                    .containsExactly(
                            "org.ippc.cpm.domain.decision.DecisionRecorded",
                            "org.ippc.cpm.domain.decision.ActionItemOverdue");
        }
    }
}
