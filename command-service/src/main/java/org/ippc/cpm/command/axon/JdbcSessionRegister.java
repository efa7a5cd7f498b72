package org.ippc.cpm.command.axon;

import java.util.Optional;
import org.ippc.cpm.domain.commission.SessionRegister;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * S1's register in the {@code open_session} table, written in the command's own transaction. Its key admits one
 * row: of two nodes opening two sessions at the same instant, the second waits for the first to commit and is then
 * refused by S1.
 */
@Component
class JdbcSessionRegister implements SessionRegister {

    private final JdbcTemplate jdbc;

    JdbcSessionRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SessionId> openSession() {
        return jdbc.queryForList("SELECT session_id FROM open_session", String.class).stream()
                .findFirst()
                .map(SessionId::new);
    }

    @Override
    public void opened(SessionId session) {
        try {
            jdbc.update("INSERT INTO open_session (slot, session_id) VALUES ('1', ?)", session.value());
        } catch (DuplicateKeyException another) {
            // The transaction cannot ask which one any more (PostgreSQL aborts it at the failed statement).
            throw new RuleViolation(
                    "S1", "only one session is open at a time: another session opened at the same instant");
        }
    }

    @Override
    public void closed(SessionId session) {
        jdbc.update("DELETE FROM open_session WHERE session_id = ?", session.value());
    }
}
