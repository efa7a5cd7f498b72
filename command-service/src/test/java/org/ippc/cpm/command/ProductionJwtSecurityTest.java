package org.ippc.cpm.command;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile: no demo users, a JWT resource server that takes the role and the party from claims. The
 * issuer's key is a test key; the actor recorded is the party from the token, never from the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:production-jwt;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1",
        "server.shutdown=immediate"})
@ActiveProfiles("production")
class ProductionJwtSecurityTest {

    private static final KeyPair KEYS = keys();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("cpm-issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
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

    private static String token(String subject, String role, String party) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("cpm_role", role)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000));
        if (party != null) {
            claims.claim("cpm_party", party);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
