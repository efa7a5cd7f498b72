package org.ippc.cpm.platform;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * What any request to the engine can meet, as RFC 9457 problem+json without stack traces: Spring MVC's own refusals
 * (malformed HTTP, an unknown path, a wrong method), an unreachable database (503 and Retry-After) and a bug (500);
 * a client that went away is no error.
 * Each service's advice answers its own refusals before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class EngineProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProblems.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        // The database first: a connection to a database that stopped fails with an EOFException or "Connection
        // reset", which Spring's helper takes for a client that left; answering nothing there gave an empty 200.
        if (DatabaseUnavailable.causes(failure)) {
            LOG.warn("Database unavailable: {}", DatabaseUnavailable.describe(failure));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Database unavailable",
                            "The database cannot be reached; nothing was recorded. Retry after a few seconds.",
                            null));
        }
        if (!DatabaseUnavailable.involves(failure) && DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            // The client left (closed an export early, say): nobody to answer, and nothing is wrong with the engine.
            LOG.debug("Client went away: {}", failure.toString());
            return null;
        }
        LOG.error("Unexpected failure", failure);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemTypes.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The request could not be completed; nothing was recorded",
                        null));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail detail) {
            if (detail.getDetail() != null && detail.getDetail().length() > 300) {
                detail.setDetail(detail.getDetail().substring(0, 300) + "...");
            }
            if (ABOUT_BLANK.equals(detail.getType())) {
                detail.setType(ProblemTypes.forStatus(detail.getStatus()));
            }
            if (detail.getInstance() == null && request instanceof ServletWebRequest servlet) {
                detail.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
        }
        return answer == null
                ? null
                : ResponseEntity.status(answer.getStatusCode())
                        .headers(answer.getHeaders())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(answer.getBody());
    }
}
