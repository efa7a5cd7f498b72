package org.ippc.cpm.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    private Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("someone")
                .issuedAt(NOW.minusSeconds(10))
                .expiresAt(expiresAt)
                .build();
    }

    @Test
    void a_token_is_verified_once_until_it_expires_and_failures_are_never_kept() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(
                token -> {
                    verifications.incrementAndGet();
                    if (token.startsWith("bad")) {
                        throw new BadJwtException("signature");
                    }
                    return jwt(token, now[0].plusSeconds(60));
                },
                clock,
                2);

        decoder.decode("good");
        decoder.decode("good");
        assertThat(verifications).hasValue(1);

        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);

        now[0] = NOW.plusSeconds(61);
        decoder.decode("good");
        assertThat(verifications)
                .as("an expired token goes back to the real decoder")
                .hasValue(4);

        for (int i = 0; i < 50; i++) {
            decoder.decode("token-" + i);
        }
        assertThat(decoder.kept()).as("at most two tokens are kept").isLessThanOrEqualTo(2);
    }
}
