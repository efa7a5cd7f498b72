package org.ippc.cpm.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The engine's RFC 9457 problems: a refusal by a rule has that rule's type and a {@code rule} member, every other
 * problem the type of its status. Both services answer with these.
 */
public final class ProblemTypes {

    private ProblemTypes() {}

    public static ProblemDetail problem(HttpStatus status, String title, String detail, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (rule != null) {
            problem.setType(URI.create("https://cpm-engine.ippc.int/rules/" + rule));
            problem.setProperty("rule", rule);
        } else {
            problem.setType(forStatus(status.value()));
        }
        return problem;
    }

    /** The type of a problem that no rule names: its status's. */
    public static URI forStatus(int status) {
        return URI.create("https://cpm-engine.ippc.int/problems/" + status);
    }
}
