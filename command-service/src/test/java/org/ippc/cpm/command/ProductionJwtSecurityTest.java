package org.ippc.cpm.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on PostgreSQL: no demo users, a JWT resource server that takes the person, the role and the
 * party from the token's claims (issue 15's table of tokens). The issuer's key is a test key; the actor recorded is
 * the token's, never the body's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate"})
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

    /**
     * A token is accepted until its {@code exp} plus the configured clock skew ({@code cpm.security.clock-skew}, 30 s
     * by default), no longer. Seen failing first: Spring's default skew of 60 s accepted it 45 s after expiry.
     */
    @Test
    void a_token_expired_longer_ago_than_the_clock_skew_is_refused() throws Exception {
        HttpApi api = new HttpApi(port);
        long now = System.currentTimeMillis();
        String expired = token(
                "late",
                "AUDITOR",
                null,
                claims -> claims.issueTime(new Date(now - 600_000)).expirationTime(new Date(now - 45_000)));
        assertThat(api.post(null, "nope", "{}", bearer(expired)).status()).isEqualTo(401);
        String withinSkew = token(
                "late",
                "AUDITOR",
                null,
                claims -> claims.issueTime(new Date(now - 600_000)).expirationTime(new Date(now - 5_000)));
        assertThat(api.post(null, "nope", "{}", bearer(withinSkew)).status())
                .as("within the skew the token still signs in (and the unknown command is a 404)")
                .isEqualTo(404);
    }

    /** Seen failing first: a 403 for a token's role or party claim was not logged at all. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_403_is_logged_with_the_person_and_the_reason_never_the_token(CapturedOutput log) throws Exception {
        String jwt = token("pat-403", "CONTRACTING_PARTY", "ZZ-ANY");
        assertThat(get("/api/query/sessions", jwt)).isEqualTo(403);
        assertThat(log.getAll())
                .contains("cpm.security")
                .contains(
                        "403 GET /api/query/sessions for pat-403: A CONTRACTING_PARTY token must name one known party code")
                .doesNotContain(jwt);
    }

    /** Seen failing first: a subject with a line break forged a {@code cpm.security} line of its own. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_token_s_subject_cannot_forge_a_log_line(CapturedOutput log) throws Exception {
        String forged = "2026-12-05T00:00:00.000Z  WARN 1 --- [cpm-engine] [main] cpm.security : all clear";
        HttpApi.Answer refused = new HttpApi(port)
                .post(
                        null,
                        "scheduleSession",
                        "{\"sessionId\":\"CPM-7\",\"year\":2012,\"rationale\":\"x\"}",
                        bearer(token("mallory\r\n" + forged, "VIEWER", null)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(log.getAll()).contains("A3 refused scheduleSession for mallory");
        assertThat(log.getAll().lines()).noneMatch(line -> line.startsWith(forged));
    }

    @Test
    void the_recorded_actor_is_the_person_and_for_a_party_role_its_party_all_from_the_token() throws Exception {
        HttpApi api = new HttpApi(port);
        String cpm = token("chair-1", "CPM", null);
        Map<String, String> asCpm = Map.of("Authorization", "Bearer " + cpm);
        assertThat(api.post(
                                null,
                                "scheduleSession",
                                "{\"sessionId\":\"CPM-9\",\"year\":2014,\"rationale\":\"x\"}",
                                asCpm)
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                null,
                                "openRound",
                                "{\"sessionId\":\"CPM-9\",\"inputDeadline\":\"2099-01-01T00:00:00Z\",\"rationale\":\"x\"}",
                                bearer(token("secretary-7", "SECRETARIAT", null)))
                        .status())
                .isEqualTo(200);
        String input = "{\"roundId\":\"ROUND-CPM-9\",\"rationale\":\"x\"}";
        assertThat(api.post(null, "submitInput", input, bearer(token("alice", "CONTRACTING_PARTY", "NZ")))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(null, "submitInput", input, bearer(token("bob", "RPPO", "EPPO")))
                        .status())
                .isEqualTo(200);

        assertThat(recordedActors("CPM-9")).containsExactly("{\"role\":\"CPM\",\"person\":\"chair-1\"}");
        assertThat(recordedActors("ROUND-CPM-9"))
                .containsExactly(
                        "{\"role\":\"SECRETARIAT\",\"person\":\"secretary-7\"}",
                        "{\"role\":\"CONTRACTING_PARTY\",\"person\":\"alice\",\"party\":\"NZ\"}",
                        "{\"role\":\"RPPO\",\"person\":\"bob\",\"party\":\"EPPO\"}");

        HttpApi.Answer party = api.post(
                null,
                "openSession",
                "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}",
                bearer(token("someone", "CONTRACTING_PARTY", "NZ")));
        assertThat(party.status()).isEqualTo(403);
        assertThat(party.body().get("detail").asText()).contains("not by CONTRACTING_PARTY NZ (someone)");

        assertThat(api.post("cpm", "openSession", "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}")
                        .status())
                .as("the demo users do not exist")
                .isEqualTo(401);
        assertThat(api.post(
                                null,
                                "openSession",
                                "{\"sessionId\":\"CPM-9\",\"rationale\":\"x\"}",
                                Map.of("Authorization", "Bearer not-a-token"))
                        .status())
                .isEqualTo(401);
    }

    private List<String> recordedActors(String aggregate) throws Exception {
        List<String> actors = new java.util.ArrayList<>();
        for (byte[] payload : jdbc.queryForList(
                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                byte[].class,
                aggregate)) {
            actors.add(HttpApi.JSON.readTree(payload).get("actor").toString());
        }
        return actors;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String token(
            String subject, String role, String party, java.util.function.UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
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
        refused.put("role as a list", token("p", null, null, c -> c.claim("cpm_role", List.of("CPM", "AUDITOR"))));
        refused.put("party claim on a non-party role", token("p", "SECRETARIAT", "NZ"));
        refused.put("party role without a party", token("p", "CONTRACTING_PARTY", null));
        refused.put(
                "party as a list",
                token("p", "CONTRACTING_PARTY", null, c -> c.claim("cpm_party", List.of("NZ", "KE"))));
        refused.put(
                "party as an object", token("p", "CONTRACTING_PARTY", null, c -> c.claim("cpm_party", Map.of("a", 1))));
        refused.put("unknown party code", token("p", "CONTRACTING_PARTY", "ZZ-ANY"));
        refused.put("lower-case party code", token("p", "CONTRACTING_PARTY", "nz"));
        refused.put("an RPPO naming a country", token("p", "RPPO", "NZ"));
        refused.put("a country naming an RPPO", token("p", "CONTRACTING_PARTY", "EPPO"));
        Map<String, String> unauthenticated = new java.util.LinkedHashMap<>();
        unauthenticated.put("another issuer", token("p", "CPM", null, c -> c.issuer("https://elsewhere.example")));
        unauthenticated.put("no issuer", token("p", "CPM", null, c -> c.issuer(null)));
        unauthenticated.put("another audience", token("p", "CPM", null, c -> c.audience("other-app")));
        unauthenticated.put("no audience", token("p", "CPM", null, c -> c.audience((String) null)));
        unauthenticated.put("no exp", token("p", "CPM", null, c -> c.expirationTime(null)));
        unauthenticated.put(
                "expired",
                token("p", "CPM", null, c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))));
        unauthenticated.put("no sub", token(null, "CPM", null));
        unauthenticated.put("iat in the future", token("p", "CPM", null, c -> c.issueTime(new Date(future))));
        unauthenticated.put("not yet valid", token("p", "CPM", null, c -> c.notBeforeTime(new Date(future))));

        for (String path : List.of("/api/query/sessions", "/api/audit/log", "/actuator/prometheus")) {
            refused.forEach((why, jwt) ->
                    assertThat(get(path, jwt)).as(why + " " + path).isEqualTo(403));
            unauthenticated.forEach((why, jwt) ->
                    assertThat(get(path, jwt)).as(why + " " + path).isEqualTo(401));
        }
        // The API's description is open, but a bad token is still refused, wherever it is sent.
        unauthenticated.forEach((why, jwt) ->
                assertThat(get("/v3/api-docs", jwt)).as(why + " /v3/api-docs").isEqualTo(401));
        String open = "{\"sessionId\":\"CPM-20\",\"year\":2025,\"rationale\":\"x\"}";
        refused.forEach((why, jwt) -> {
            HttpApi.Answer answer = api.post(null, "scheduleSession", open, Map.of("Authorization", "Bearer " + jwt));
            assertThat(answer.status()).as(why).isEqualTo(403);
            assertThat(answer.isProblem()).as(why).isTrue();
            assertThat(answer.body().get("detail").asText())
                    .as(why)
                    .containsPattern("names no role|may not name a party|must name one known party");
        });
        unauthenticated.forEach((why, jwt) -> {
            HttpApi.Answer answer = api.post(null, "scheduleSession", open, Map.of("Authorization", "Bearer " + jwt));
            assertThat(answer.status()).as(why).isEqualTo(401);
            assertThat(answer.isProblem()).as(why).isTrue();
        });
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = 'CPM-20'", Integer.class))
                .as("nothing refused was recorded")
                .isZero();

        var challenge = unsigned("/api/query/sessions");
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        assertThat(api.post(
                                null,
                                "scheduleSession",
                                open,
                                Map.of("Authorization", "Bearer " + token("chair-2", "CPM", null)))
                        .status())
                .as("a good token")
                .isEqualTo(200);
        assertThat(api.post(
                                null,
                                "scheduleSession",
                                "{\"sessionId\":\"CPM-21\",\"year\":2026,\"rationale\":\"x\"}",
                                Map.of(
                                        "Authorization",
                                        "Bearer " + token("chair-3", "CPM", null, c -> c.issueTime(null))))
                        .status())
                .as("a good token without iat, which is optional")
                .isEqualTo(200);
        assertThat(get("/v3/api-docs", token("reader", "VIEWER", null))).isEqualTo(200);
        java.net.http.HttpResponse<String> document = unsigned("/v3/api-docs");
        assertThat(document.statusCode())
                .as("a client generator fetches the document unsigned")
                .isEqualTo(200);
        JsonNode openApi = HttpApi.JSON.readTree(document.body());
        assertThat(openApi.at("/components/securitySchemes").fieldNames())
                .toIterable()
                .as("production signs in with a bearer JWT only")
                .containsExactly("bearer");
        assertThat(openApi.at("/paths/~1api~1commands~1openSession/post/security/0")
                        .fieldNames())
                .toIterable()
                .containsExactly("bearer");
        assertThat(unsigned("/swagger-ui/index.html").statusCode())
                .as("Swagger UI opens in a browser before signing in")
                .isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> unsigned(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_production_profile_refuses_to_start_on_the_embedded_H2_database() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class)
                        .profiles("production")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:not-production",
                                "--cpm.security.issuer=" + TestIssuer.ISSUER,
                                "--cpm.security.audience=" + TestIssuer.AUDIENCE)
                        .close())
                .hasStackTraceContaining("The production profile needs PostgreSQL");
    }

    private int get(String path, String jwt) {
        return new HttpApi(port)
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + jwt)
                        .build())
                .status();
    }
}
