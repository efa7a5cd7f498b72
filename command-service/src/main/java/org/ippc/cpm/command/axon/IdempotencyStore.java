package org.ippc.cpm.command.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys in the database, written in the command's own transaction: a retry after a crash or on another
 * node finds the first answer, and two concurrent retries cannot both record events (the key is unique).
 */
@Component
public class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IdempotencyStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Remembered(String requestHash, CommandAccepted answer) {}

    public Optional<Remembered> find(String principal, String key) {
        List<Remembered> rows = jdbc.query(
                "SELECT request_hash, response FROM idempotency_key WHERE principal = ? AND idempotency_key = ?",
                (rs, n) -> new Remembered(rs.getString(1), read(rs.getString(2))),
                principal,
                key);
        return rows.stream().findFirst();
    }

    public void remember(String principal, String key, String requestHash, String command, CommandAccepted answer) {
        try {
            jdbc.update(
                    "INSERT INTO idempotency_key (idempotency_key, principal, request_hash, command_name, response, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    key,
                    principal,
                    requestHash,
                    command,
                    json.writeValueAsString(answer),
                    Timestamp.from(Instant.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommandAccepted read(String response) {
        try {
            return json.readValue(response, CommandAccepted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
