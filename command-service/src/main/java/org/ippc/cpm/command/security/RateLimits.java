package org.ippc.cpm.command.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One token bucket per key (a user, or a client address), refilled evenly over a minute up to the quota: Bucket4j's
 * buckets, kept while in use (idle ones expire, so that the map cannot grow without end).
 */
final class RateLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final String policy;
    private final int quota;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .maximumSize(100_000)
            .build();

    RateLimits(String policy, int quota) {
        this.policy = policy;
        this.quota = quota;
    }

    /** Keys refused in the last window: a flood of refusals is logged once a key and window, not once a request. */
    private final Cache<String, Boolean> refused =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(10_000).build();

    /** Whether this key's refusal is the first of its window (the one worth a log line). */
    boolean firstRefusal(String key) {
        return refused.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    ConsumptionProbe take(String key) {
        return buckets.get(
                        key,
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(quota)
                                        .refillGreedy(quota, WINDOW)
                                        .build())
                                .build())
                .tryConsumeAndReturnRemaining(1);
    }

    /** The IETF RateLimit-Policy field: the policy's name, its quota and its window in seconds. */
    String policyHeader() {
        return "\"%s\";q=%d;w=%d".formatted(policy, quota, WINDOW.toSeconds());
    }

    /** The IETF RateLimit field: what is left of the quota and the seconds until a request is allowed again. */
    String stateHeader(ConsumptionProbe probe) {
        return "\"%s\";r=%d;t=%d".formatted(policy, probe.getRemainingTokens(), retryAfterSeconds(probe));
    }

    static long retryAfterSeconds(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? 0
                : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    String policy() {
        return policy;
    }
}
