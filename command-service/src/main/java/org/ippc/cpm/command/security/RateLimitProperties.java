package org.ippc.cpm.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests a minute each user and each client address may send ({@code cpm.rate-limit}); on in the production profile.
 * Each node counts its own: behind a balancer spreading a client over N nodes, the client gets up to N times these
 * (docs/operator-guide.md).
 */
@ConfigurationProperties("cpm.rate-limit")
record RateLimitProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1200") int perUserPerMinute,
        @DefaultValue("3000") int perClientPerMinute) {}
