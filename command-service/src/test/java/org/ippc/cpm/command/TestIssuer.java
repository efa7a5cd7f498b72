package org.ippc.cpm.command;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An identity provider for the production profile's tests: its key, its issuer and audience, and its tokens. */
public final class TestIssuer {

    public static final String ISSUER = "https://login.example/realms/ippc";
    public static final String AUDIENCE = "cpm-engine";
    private static final KeyPair KEYS = keys();

    private TestIssuer() {}

    /** Points the engine at this issuer: its public key, the issuer and the audience tokens must name. */
    public static void register(DynamicPropertyRegistry registry) {
        Path pem = publicKeyPem();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        registry.add("cpm.security.issuer", () -> ISSUER);
        registry.add("cpm.security.audience", () -> AUDIENCE);
    }

    /** This issuer's public key in a PEM file, as an engine is configured with it. */
    public static Path publicKeyPem() {
        try {
            Path pem = Files.createTempFile("cpm-issuer", ".pem");
            Files.writeString(
                    pem,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(KEYS.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token as this issuer signs it for the engine, valid for {@code lifetime}; {@code change} alters it before signing. */
    public static String token(
            String subject, String role, String party, Duration lifetime, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("cpm_role", role)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + lifetime.toMillis()));
        if (party != null) {
            claims.claim("cpm_party", party);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
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
