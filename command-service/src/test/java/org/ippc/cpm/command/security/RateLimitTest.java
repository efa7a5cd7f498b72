package org.ippc.cpm.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.ippc.cpm.command.CommandServiceApplication;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.command.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile limits requests per user and per client address (here 5 and 9 a minute; the conformance check reads the document from the same address): beyond them a 429
 * problem+json with Retry-After and the IETF RateLimit fields, as the OpenAPI document says; health probes are never
 * limited. Seen failing first: 2,000 rapid requests, no 429.
 */
@SpringBootTest(
        classes = CommandServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.shutdown=immediate",
            "cpm.rate-limit.per-user-per-minute=5",
            "cpm.rate-limit.per-client-per-minute=9"
        })
@ActiveProfiles({"postgres", "production"})
class RateLimitTest {

    @LocalServerPort
    int port;

    private static String database;

    @DynamicPropertySource
    static void issuerAndDatabase(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        database = EmbeddedPostgresDatabase.register(registry);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_user_then_a_client_beyond_its_quota_gets_429_with_retry_after_and_ratelimit_fields(CapturedOutput log)
            throws Exception {
        HttpApi api = new HttpApi(port);
        String first = TestIssuer.token("first", "VIEWER", null, java.time.Duration.ofMinutes(5), claims -> claims);
        String second = TestIssuer.token("second", "VIEWER", null, java.time.Duration.ofMinutes(5), claims -> claims);
        for (int i = 0; i < 5; i++) {
            assertThat(get(api, "/api/me", first).status()).isEqualTo(200);
        }
        HttpApi.Answer perUser = get(api, "/api/me", first);
        assertThat(perUser.status()).isEqualTo(429);
        assertThat(perUser.isProblem()).isTrue();
        assertThat(perUser.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(perUser.headers().firstValue("RateLimit-Policy")).contains("\"user\";q=5;w=60");
        assertThat(perUser.headers().firstValue("RateLimit"))
                .hasValueSatisfying(state -> assertThat(state).startsWith("\"user\";r=0;t="));
        assertThat(get(api, "/api/me", first).status()).isEqualTo(429);
        assertThat(log.getAll().split("429 GET /api/me for user first", -1))
                .as("a flood of refusals is one log line a key and minute")
                .hasSize(2);

        assertThat(get(api, "/api/me", second).status())
                .as("another user, same address")
                .isEqualTo(200);
        HttpApi.Answer perClient = get(api, "/api/me", second);
        assertThat(perClient.status()).isEqualTo(429);
        assertThat(perClient.headers().firstValue("RateLimit-Policy")).contains("\"client\";q=9;w=60");
        assertThat(api.send(HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .build())
                        .status())
                .as("health probes are never limited")
                .isEqualTo(200);

        try (ConfigurableApplicationContext otherNode = new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("postgres", "production")
                .run(
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                + TestIssuer.publicKeyPem(),
                        "--cpm.security.issuer=" + TestIssuer.ISSUER,
                        "--cpm.security.audience=" + TestIssuer.AUDIENCE,
                        "--cpm.rate-limit.per-user-per-minute=5",
                        "--cpm.rate-limit.per-client-per-minute=9")) {
            int otherPort = Integer.parseInt(otherNode.getEnvironment().getProperty("local.server.port"));
            assertThat(get(new HttpApi(otherPort), otherPort, "/api/me", first).status())
                    .as("each node counts its own: the user refused on one node is served by another (docs)")
                    .isEqualTo(200);
        }
    }

    private HttpApi.Answer get(HttpApi api, String path, String token) {
        return get(api, port, path, token);
    }

    private static HttpApi.Answer get(HttpApi api, int port, String path, String token) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .headers("Authorization", "Bearer " + token)
                .build());
    }
}
