package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.ippc.cpm.CpmEngineApplication;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.ippc.cpm.command.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A start logs no WARN or ERROR line that an operator cannot act on: none at all, on the embedded profile with the
 * demo story loaded and projected, and in production on PostgreSQL. Seen failing first: ten WARN lines (Spring's
 * deprecation notices for Axon's annotations, db-scheduler's guess about timestamp columns, Axon's gauge registered
 * again, springdoc's reminder that the API description is public).
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanStartTest {

    @Test
    void the_embedded_engine_starts_loads_the_demo_and_projects_it_without_a_warning(CapturedOutput log) {
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(CpmEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--cpm.demo.load=true",
                        "--spring.datasource.url=jdbc:h2:mem:clean-start;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> log.getAll().contains("cpm-engine is ready at"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> engine.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                                    .queryForObject("SELECT COUNT(*) FROM decision_log", Long.class)
                            >= 48);
        }
        assertThat(warnings(log)).isEmpty();
    }

    @Test
    void production_on_postgresql_starts_without_a_warning(CapturedOutput log) {
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(CpmEngineApplication.class)
                .run(
                        "--spring.profiles.active=postgres,production",
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--spring.datasource.url=" + EmbeddedPostgresDatabase.create(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                + TestIssuer.publicKeyPem(),
                        "--cpm.security.issuer=" + TestIssuer.ISSUER,
                        "--cpm.security.audience=" + TestIssuer.AUDIENCE,
                        "--cpm.audit.checkpoint-key=a-secret-of-this-test",
                        "--cpm.outreach.link-key=another-secret-of-this-test")) {
            assertThat(engine.isRunning()).isTrue();
        }
        assertThat(warnings(log)).isEmpty();
    }

    /** Spring Boot's own structured logging (Elastic Common Schema), as the Kubernetes manifest turns it on. */
    @Test
    void structured_logs_are_one_json_object_a_line(CapturedOutput log) throws Exception {
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(CpmEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--logging.structured.format.console=ecs",
                        "--spring.datasource.url=jdbc:h2:mem:structured;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> log.getAll().contains("cpm-engine is ready at"));
        }
        List<String> lines = Arrays.stream(log.getAll().split("\n"))
                .filter(line -> line.contains("cpm-engine is ready at"))
                .toList();
        assertThat(lines).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode ready = org.ippc.cpm.command.HttpApi.JSON.readTree(lines.get(0));
        assertThat(ready.at("/log/level").asText()).as(lines.get(0)).isEqualTo("INFO");
        assertThat(ready.get("message").asText()).startsWith("cpm-engine is ready at http://localhost:");
        assertThat(ready.has("@timestamp")).isTrue();
    }

    private static List<String> warnings(CapturedOutput log) {
        return Arrays.stream(log.getAll().split("\n"))
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .toList();
    }
}
