package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.ippc.cpm.command.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile's live streams: access is checked when a stream opens, so a stream ends when the token
 * that opened it expires, and the client goes on with a fresh token and {@code Last-Event-ID}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.shutdown=immediate",
            "cpm.audit.checkpoint-key=a-secret-of-this-test",
            "cpm.outreach.link-key=another-secret-of-this-test"
        })
@ActiveProfiles("production")
class ProductionLiveStreamTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuerAndDatabase(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        EmbeddedPostgresDatabase.register(registry);
    }

    @Test
    void a_stream_ends_when_its_token_expires_and_a_fresh_token_resumes_it() throws Exception {
        String shortLived = TestIssuer.token("dashboard-user", "VIEWER", null, Duration.ofSeconds(4), claims -> claims);
        long opened = System.nanoTime();
        try (SseClient live = SseClient.bearer(port, "/api/live/board", shortLived, null)) {
            assertThat(live.status).isEqualTo(200);
            assertThat(live.next("snapshot", Duration.ofSeconds(5))).isNotNull();
            assertThat(live.ended(Duration.ofSeconds(10)))
                    .as("the stream ends with its token")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - opened))
                    .as("not before the token expired")
                    .isGreaterThan(Duration.ofSeconds(2));
        }
        String fresh = TestIssuer.token("dashboard-user", "VIEWER", null, Duration.ofMinutes(10), claims -> claims);
        try (SseClient again = SseClient.bearer(port, "/api/live/board", fresh, "0")) {
            assertThat(again.status).isEqualTo(200);
            assertThat(again.ended(Duration.ofSeconds(3)))
                    .as("a fresh token's stream stays open")
                    .isFalse();
        }
        try (SseClient justExpired = SseClient.bearer(port, "/api/live/board", shortLived, null)) {
            // Within the clock skew allowed for the issuer (30 s) the token still signs in, but its stream ends at
            // once.
            assertThat(justExpired.ended(Duration.ofSeconds(3)))
                    .as("a stream of an expired token ends at once")
                    .isTrue();
        }
        String longExpired =
                TestIssuer.token("dashboard-user", "VIEWER", null, Duration.ofMinutes(-5), claims -> claims);
        try (SseClient expired = SseClient.bearer(port, "/api/live/board", longExpired, null)) {
            assertThat(expired.status).as("an expired token opens nothing").isEqualTo(401);
        }
    }
}
