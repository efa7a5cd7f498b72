package org.ippc.cpm.command.api;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ippc.cpm.command.axon.VersionMismatch;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the API as RFC 9457 problem+json; no stack traces. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return problem(
                HttpStatus.CONFLICT,
                "Rule " + violation.rule() + " refused the command",
                violation.getMessage(),
                violation.rule());
    }

    @ExceptionHandler(CommandForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(CommandForbidden forbidden) {
        return problem(HttpStatus.FORBIDDEN, "Role may not issue this command", forbidden.getMessage(), "A3");
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest invalid) {
        ResponseEntity<ProblemDetail> answer =
                problem(HttpStatus.BAD_REQUEST, "Invalid request", invalid.getMessage(), invalid.rule());
        if (!invalid.fields().isEmpty()) {
            answer.getBody().setProperty("errors", invalid.fields());
        }
        return answer;
    }

    @ExceptionHandler(UnknownCommand.class)
    ResponseEntity<ProblemDetail> unknownCommand(UnknownCommand unknown) {
        return problem(HttpStatus.NOT_FOUND, "Unknown command", unknown.getMessage(), null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing) {
        return problem(
                HttpStatus.NOT_FOUND,
                "Unknown record",
                "No record '%s' exists".formatted(missing.getAggregateIdentifier()),
                null);
    }

    @ExceptionHandler(VersionMismatch.class)
    ResponseEntity<ProblemDetail> versionMismatch(VersionMismatch mismatch) {
        ResponseEntity<ProblemDetail> answer =
                problem(HttpStatus.PRECONDITION_FAILED, "If-Match does not hold", mismatch.getMessage(), null);
        answer.getBody().setProperty("currentVersion", mismatch.current());
        return answer;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException conflict) {
        return problem(
                HttpStatus.CONFLICT,
                "Concurrent change",
                "The record was changed or created at the same moment by another request; reload and retry",
                null);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException duplicate) {
        return problem(
                HttpStatus.CONFLICT,
                "Already exists",
                "A record with this id already exists (one round per session, one session per number, unique ids)",
                null);
    }

    @ExceptionHandler(IdempotencyConflict.class)
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflict conflict) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", conflict.getMessage(), null);
    }

    /** Two commands waited on each other's aggregates (Axon's lock in one JVM, PostgreSQL's across nodes): retry. */
    @ExceptionHandler({DeadlockException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> deadlock(Exception deadlock) {
        ResponseEntity<ProblemDetail> answer = concurrency(null);
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (DatabaseUnavailable.causes(failure)) {
            LOG.warn("Database unavailable: {}", DatabaseUnavailable.describe(failure));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Database unavailable",
                            "The database cannot be reached; nothing was recorded. Retry after a few seconds.",
                            null));
        }
        LOG.error("Unexpected failure", failure);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The request could not be completed; nothing was recorded",
                null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null
                && answer.getBody() instanceof ProblemDetail detail
                && detail.getDetail() != null
                && detail.getDetail().length() > 300) {
            detail.setDetail(detail.getDetail().substring(0, 300) + "...");
        }
        return answer == null
                ? null
                : ResponseEntity.status(answer.getStatusCode())
                        .headers(answer.getHeaders())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(answer.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String rule) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, title, detail, rule));
    }
}
