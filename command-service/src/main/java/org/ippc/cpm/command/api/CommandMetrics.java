package org.ippc.cpm.command.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code cpm_commands_seconds}, a histogram per command type and outcome, of every command received over HTTP, from
 * before the security chain to the answer: accepted, replayed (an Idempotency-Key's retry answered from the first
 * answer), refused (with its rule), forbidden, invalid, conflict and failed (a fault or an unreachable database) as
 * the command's handling says ({@link #outcome}); an answer given before it by its status: not_found (no such
 * command), too_large (413), unsupported_media_type (415), unauthenticated (401), throttled (429).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandMetrics extends OncePerRequestFilter {

    private static final String PATH = "/api/commands/";
    private static final String OUTCOME = CommandMetrics.class.getName() + ".outcome";
    private static final String RULE = CommandMetrics.class.getName() + ".rule";

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The outcome of a command its handler answered, for the count of this request. */
    static void outcome(HttpServletRequest request, String outcome, String rule) {
        request.setAttribute(OUTCOME, outcome);
        request.setAttribute(RULE, rule);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH) || !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(request, response);
        } finally {
            String name = request.getRequestURI().substring(PATH.length());
            Object outcome = request.getAttribute(OUTCOME);
            Object rule = request.getAttribute(RULE);
            sample.stop(Timer.builder("cpm.commands")
                    .description("Commands received over HTTP, by type and outcome")
                    // Only known names become tags: a client must not be able to create meters at will.
                    .tag("command", CommandCatalog.find(name).isPresent() ? name : "unknown")
                    .tag("outcome", outcome != null ? outcome.toString() : byStatus(response.getStatus()))
                    .tag("rule", rule == null ? "none" : rule.toString())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
    }

    private static String byStatus(int status) {
        return switch (status) {
            case 400, 405, 406 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "throttled";
            default -> status >= 500 ? "failed" : "other";
        };
    }
}
