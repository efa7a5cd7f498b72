package org.ippc.cpm.command.security;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.ippc.cpm.platform.LogSafe;
import org.ippc.cpm.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 problem+json with {@code Retry-After} and the IETF {@code RateLimit} and {@code RateLimit-Policy} fields
 * once a key has spent its quota; the health probes are never limited. One instance per client address, before
 * signing in (a flood of bad credentials costs no password check); one per user, after it.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger SECURITY = LoggerFactory.getLogger("cpm.security");

    private final RateLimits limits;
    private final Function<HttpServletRequest, String> key;
    private final Problems problems;

    RateLimitFilter(RateLimits limits, Function<HttpServletRequest, String> key, Problems problems) {
        this.limits = limits;
        this.key = key;
        this.problems = problems;
    }

    /** Two instances run on one request (client, then user): each marks its own pass. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + "." + limits.policy() + ".FILTERED";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String who = key.apply(request);
        if (who == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = limits.take(who);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        if (limits.firstRefusal(who)) {
            SECURITY.warn(
                    "429 {} {} for {} {} (its further refusals this minute are not logged)",
                    request.getMethod(),
                    LogSafe.of(request.getRequestURI()),
                    limits.policy(),
                    LogSafe.of(who));
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RateLimits.retryAfterSeconds(probe)));
        response.setHeader("RateLimit-Policy", limits.policyHeader());
        response.setHeader("RateLimit", limits.stateHeader(probe));
        problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "This %s has sent more requests than it may in a minute; try again after Retry-After seconds"
                        .formatted(limits.policy()),
                null);
    }
}
