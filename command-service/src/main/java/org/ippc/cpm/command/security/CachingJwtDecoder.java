package org.ippc.cpm.command.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct token once and then serves it from memory until it expires: a client sends the same
 * token with every request, and verifying its signature cost about a quarter of an HTTP command's CPU. Only
 * successfully decoded tokens are kept (Caffeine), each never longer than its own expiry, and at most
 * {@code maxTokens} of them.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maxTokens) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating(
                        (String token, Jwt jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && clock.instant().isBefore(expiresAt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many verified tokens are kept now. */
    long kept() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
