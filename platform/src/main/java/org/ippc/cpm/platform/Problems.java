package org.ippc.cpm.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** RFC 9457 problem details ({@link ProblemTypes}) for the command API and for the security filters that answer before it. */
@Component
public class Problems {

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, String rule) {
        return ProblemTypes.problem(status, title, detail, rule);
    }

    /** A problem written by a filter, before any controller: with the request's path as its {@code instance}. */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            String rule)
            throws IOException {
        write(request, response, problem(status, title, detail, rule));
    }

    /** A problem written by a filter as given, with the request's path as its {@code instance}. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
