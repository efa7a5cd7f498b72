package org.ippc.cpm.query;

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
 * Holds back a response written on another thread (a live stream, the decision log's export) until the request's own
 * thread has left every filter. The first write commits the response, and a filter still writing headers on the
 * request's way out (Spring Security's header writer, spring-security#15510) then broke Tomcat's header list: a lost
 * stream and a {@code NullPointerException} when thousands of dashboards connected at once. The outermost filter opens
 * the gate.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ResponseGate extends OncePerRequestFilter {

    private static final String GATE = ResponseGate.class.getName();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/live/") || path.equals("/api/audit/log/export"));
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
    public static Mono<Void> opened(HttpServletRequest request) {
        Object gate = request.getAttribute(GATE);
        return gate == null ? Mono.empty() : (Mono<Void>) gate;
    }
}
