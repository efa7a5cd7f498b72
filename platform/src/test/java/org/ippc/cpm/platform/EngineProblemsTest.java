package org.ippc.cpm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EngineProblemsTest {

    private final EngineProblems problems = new EngineProblems();

    @Test
    void a_client_that_went_away_is_no_error_and_gets_no_answer() {
        assertThat(problems.unexpected(new UncheckedIOException(new IOException("Broken pipe"))))
                .isNull();
    }

    @Test
    void a_database_that_stopped_mid_command_is_a_503_though_its_socket_failed_like_a_client_that_left() {
        // What PostgreSQL's driver throws when the server stops under an open connection (pg_ctl stop -m immediate).
        var stopped =
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException());
        var answer = problems.unexpected(new IllegalStateException("JDBC commit failed", stopped));
        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // Not recognised as an outage, but still the database's failure: a 500, never an empty answer.
        var unknown = problems.unexpected(new IllegalStateException(new SQLException("I/O", null, new EOFException())));
        assertThat(unknown).isNotNull();
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void an_unreachable_database_is_a_503_and_a_bug_a_500_both_as_problem_json() {
        var outage = problems.unexpected(new IllegalStateException(new SQLTransientConnectionException("timeout")));
        assertThat(outage.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(outage.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        var bug = problems.unexpected(new IllegalStateException("a bug"));
        assertThat(bug.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(bug.getBody().getType().toString()).isEqualTo("https://cpm-engine.ippc.int/problems/500");
    }
}
