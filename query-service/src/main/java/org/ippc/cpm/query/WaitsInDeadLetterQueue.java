package org.ippc.cpm.query;

import java.util.List;
import org.ippc.cpm.platform.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 503 problem for a record that is in the event store but not in the read models, because its events wait in the
 * dead-letter queue: not "unknown" (404), and it names the events and why they failed.
 */
public class WaitsInDeadLetterQueue extends ErrorResponseException {

    public WaitsInDeadLetterQueue(String record, List<String> waiting) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(record, waiting), null);
        // Until an auditor retries them (the API's 503s all say when to ask again).
        getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
    }

    private static ProblemDetail problem(String record, List<String> waiting) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Waiting in the dead-letter queue",
                "%s is recorded, but the read models could not handle %d of its events; an auditor can see and retry them at /api/admin/dead-letters"
                        .formatted(record, waiting.size()),
                null);
        problem.setProperty("deadLetters", waiting);
        return problem;
    }
}
