package org.ippc.cpm.command.api;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ippc.cpm.command.axon.VersionMismatch;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command API's refusals as RFC 9457 problem+json naming the rule; what any request can meet (malformed HTTP, an
 * unreachable database, a bug) is answered by the platform's {@code EngineProblems}.
 */
@RestControllerAdvice(basePackages = "org.ippc.cpm.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

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

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String rule) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, title, detail, rule));
    }
}
