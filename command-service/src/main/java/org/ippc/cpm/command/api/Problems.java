package org.ippc.cpm.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** RFC 9457 problem details, one shape everywhere: for controllers and for filters that answer before them. */
@Component
public class Problems {

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (rule != null) {
            problem.setType(URI.create("https://cpm-engine.ippc.int/rules/" + rule));
            problem.setProperty("rule", rule);
        } else {
            problem.setType(URI.create("https://cpm-engine.ippc.int/problems/" + status.value()));
        }
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail, String rule)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(status, title, detail, rule));
    }
}
