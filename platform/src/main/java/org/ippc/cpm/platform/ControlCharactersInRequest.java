package org.ippc.cpm.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter or a path with a control character (a NUL, say) is a 400 naming it, on every database: PostgreSQL
 * refuses a NUL in a text parameter with an error that would otherwise be a 500, H2 takes it.
 */
@Component
public class ControlCharactersInRequest extends OncePerRequestFilter {

    private final Problems problems;

    ControlCharactersInRequest(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fault = fault(request);
        if (fault == null) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "%s must not contain control characters".formatted(fault),
                null);
        problem.setProperty("errors", List.of(Map.of("path", fault, "message", "must not contain control characters")));
        problems.write(request, response, problem);
    }

    /** The first parameter (by name) or the path that holds a control character, or null. */
    private static String fault(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (controlled(parameter.getKey())) {
                return "a query parameter's name";
            }
            for (String value : parameter.getValue()) {
                if (controlled(value)) {
                    return parameter.getKey();
                }
            }
        }
        return controlled(request.getServletPath()) ? "the path" : null;
    }

    private static boolean controlled(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
