package org.ippc.cpm.command;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile on PostgreSQL: no demo users, a JWT resource server that takes the role and the party from
 * claims. The issuer's key is a test key; the actor recorded is the party from the token, never from the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.shutdown=immediate"})
@ActiveProfiles("production")
class ProductionJwtSecurityTest {


    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void issuerAndDatabase(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        EmbeddedPostgresDatabase.register(registry);
    }

    @Test
    void role_and_party_come_from_the_token_and_demo_users_do_not_exist() throws Exception {
        HttpApi api = new HttpApi(port);
        String cpm = token("chair-1", "CPM", null);
        Map<String, String> asCpm = Map.of("Authorization", "Bearer " + cpm);
        assertThat(api.post(null, "scheduleSession", "{\"sessionId\":\"CPM-9\",\"year\":2014,\"rationale\":\"x\"}", asCpm).status())
                .isEqualTo(200);
        assertThat(api.post(null, "openSession", "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}", asCpm).status()).isEqualTo(200);
        assertThat(api.post(null, "recordDecision", "{\"decisionId\":\"CPM-9-6\",\"sessionId\":\"CPM-9\",\"number\":6,\"text\":\"t\","
                + "\"actionItems\":[{\"itemId\":\"6a\",\"addressee\":\"SECRETARIAT\",\"dueSession\":\"CPM-10\",\"request\":\"r\"}],"
                + "\"rationale\":\"x\"}", asCpm).status()).isEqualTo(200);
        String payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = 'CPM-9-6'",
                (rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(payload).contains("\"actor\":{\"role\":\"CPM\",\"id\":\"chair-1\"}");

        HttpApi.Answer party = api.post(null, "reportOnActionItem", "{\"decisionId\":\"CPM-9-6\",\"itemId\":\"6a\",\"rationale\":\"x\"}",
                Map.of("Authorization", "Bearer " + token("someone", "CONTRACTING_PARTY", "NZ")));
        assertThat(party.status()).isEqualTo(403);
        assertThat(party.body().get("detail").asText()).contains("not by CONTRACTING_PARTY NZ");

        assertThat(api.post("cpm", "openSession", "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}").status()).isEqualTo(401);
        assertThat(api.post(null, "openSession", "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}",
                Map.of("Authorization", "Bearer not-a-token")).status()).isEqualTo(401);
    }

    private static String token(String subject, String role, String party,
                                java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return TestIssuer.token(subject, role, party, Duration.ofMinutes(10), change);
    }

    private static String token(String subject, String role, String party) throws Exception {
        return token(subject, role, party, claims -> claims);
    }

    @Test
    void only_tokens_for_this_engine_with_a_known_role_get_in_and_none_answers_500() throws Exception {
        HttpApi api = new HttpApi(port);
        long future = System.currentTimeMillis() + 3_600_000;
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no role", token("p", null, null));
        refused.put("unknown role GOD", token("p", "GOD", null));
        refused.put("lower-case role", token("p", "auditor", null));
        refused.put("dotless-i role", token("p", "AUD\u0131TOR", null));
        refused.put("the engine's own role", token("p", "ENGINE", null));
        refused.put("role as a list", token("p", null, null, c -> c.claim("cpm_role", java.util.List.of("CPM", "AUDITOR"))));
        Map<String, String> unauthenticated = new java.util.LinkedHashMap<>();
        unauthenticated.put("another issuer", token("p", "CPM", null, c -> c.issuer("https://elsewhere.example")));
        unauthenticated.put("no issuer", token("p", "CPM", null, c -> c.issuer(null)));
        unauthenticated.put("another audience", token("p", "CPM", null, c -> c.audience("other-app")));
        unauthenticated.put("no audience", token("p", "CPM", null, c -> c.audience((String) null)));
        unauthenticated.put("no exp", token("p", "CPM", null, c -> c.expirationTime(null)));
        unauthenticated.put("expired", token("p", "CPM", null, c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))));
        unauthenticated.put("no sub", token(null, "CPM", null));
        unauthenticated.put("iat in the future", token("p", "CPM", null, c -> c.issueTime(new Date(future))));
        unauthenticated.put("not yet valid", token("p", "CPM", null, c -> c.notBeforeTime(new Date(future))));

        for (String path : java.util.List.of("/api/query/sessions", "/v3/api-docs", "/actuator/prometheus")) {
            refused.forEach((why, jwt) -> assertThat(get(path, jwt)).as(why + " " + path).isEqualTo(403));
            unauthenticated.forEach((why, jwt) -> assertThat(get(path, jwt)).as(why + " " + path).isEqualTo(401));
        }
        String open = "{\"sessionId\":\"CPM-20\",\"year\":2025,\"rationale\":\"x\"}";
        refused.forEach((why, jwt) -> {
            HttpApi.Answer answer = api.post(null, "scheduleSession", open, Map.of("Authorization", "Bearer " + jwt));
            assertThat(answer.status()).as(why).isEqualTo(403);
            assertThat(answer.isProblem()).as(why).isTrue();
        });
        unauthenticated.forEach((why, jwt) -> {
            HttpApi.Answer answer = api.post(null, "scheduleSession", open, Map.of("Authorization", "Bearer " + jwt));
            assertThat(answer.status()).as(why).isEqualTo(401);
            assertThat(answer.isProblem()).as(why).isTrue();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = 'CPM-20'", Integer.class))
                .as("nothing refused was recorded").isZero();

        var challenge = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/query/sessions")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        assertThat(api.post(null, "scheduleSession", open, Map.of("Authorization", "Bearer " + token("chair-2", "CPM", null)))
                .status()).as("a good token").isEqualTo(200);
        assertThat(get("/v3/api-docs", token("reader", "VIEWER", null))).isEqualTo(200);
    }

    @Test
    void the_production_profile_refuses_to_start_on_the_embedded_H2_database() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class).profiles("production")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:not-production", "--cpm.security.issuer=" + TestIssuer.ISSUER,
                        "--cpm.security.audience=" + TestIssuer.AUDIENCE).close())
                .hasStackTraceContaining("The production profile needs PostgreSQL");
    }

    private int get(String path, String jwt) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + jwt).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
