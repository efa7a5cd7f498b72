package org.ippc.cpm.command.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each distinct token once and then serves it from memory until it expires: a client sends the same
 * token with every request, and verifying its signature cost about a quarter of an HTTP command's CPU. Only
 * successfully decoded tokens are kept, never longer than their own expiry, and at most {@code maxTokens} of them.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final int maxTokens;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maxTokens) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= maxTokens) {
                verified.values().removeIf(cached -> !now.isBefore(cached.getExpiresAt()));
                if (verified.size() >= maxTokens) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
