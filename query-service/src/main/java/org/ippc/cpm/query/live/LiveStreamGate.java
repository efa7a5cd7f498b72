package org.ippc.cpm.query.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Holds a live stream back until the request's own thread has left every filter. A stream's events are written on
 * other threads; the first one commits the response, and a filter still writing headers on the request's way out
 * (Spring Security's header writer, spring-security#15510) then broke Tomcat's header list: a lost stream and a
 * {@code NullPointerException} when thousands of dashboards connected at once. The outermost filter opens the gate.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LiveStreamGate extends OncePerRequestFilter {

    private static final String GATE = LiveStreamGate.class.getName();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/live/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Sinks.Empty<Void> gate = Sinks.empty();
        request.setAttribute(GATE, gate.asMono());
        try {
            chain.doFilter(request, response);
        } finally {
            gate.tryEmitEmpty();
        }
    }

    /** Completes once the request's thread has left the filters (at once for a request this filter did not see). */
    @SuppressWarnings("unchecked")
    static Mono<Void> opened(HttpServletRequest request) {
        Object gate = request.getAttribute(GATE);
        return gate == null ? Mono.empty() : (Mono<Void>) gate;
    }
}
