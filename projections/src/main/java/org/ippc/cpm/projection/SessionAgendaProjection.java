package org.ippc.cpm.projection;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.decision.ActionItemOverdue;
import org.ippc.cpm.domain.decision.ActionItemReported;
import org.ippc.cpm.domain.decision.ActionItemStatus;
import org.ippc.cpm.domain.decision.DecisionRecorded;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.session.SessionScheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sessions and the action items of their decisions; with the board and the decision log they make each session's
 * agenda. Every write sets a value rather than adding to one, and a status only moves forward (SCHEDULED, OPEN,
 * CLOSED; OPEN, OVERDUE, REPORTED), so an event handled twice, or again after a later one, changes nothing.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class SessionAgendaProjection {

    private final JdbcTemplate jdbc;

    public SessionAgendaProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionScheduled event) {
        jdbc.update(
                """
                INSERT INTO cpm_session (session_id, session_number, session_year, status)
                SELECT ?, ?, ?, 'SCHEDULED' FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM cpm_session WHERE session_id = ?)""",
                event.sessionId().value(),
                event.number(),
                event.year(),
                event.sessionId().value());
    }

    @EventHandler
    void on(SessionOpened event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE cpm_session SET status = 'OPEN', opened_at = ? WHERE session_id = ? AND status = 'SCHEDULED'",
                Sql.time(at),
                event.sessionId().value());
    }

    @EventHandler
    void on(SessionClosed event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE cpm_session SET status = 'CLOSED', closed_at = ? WHERE session_id = ? AND status <> 'CLOSED'",
                Sql.time(at),
                event.sessionId().value());
    }

    @EventHandler
    void on(DecisionRecorded event) {
        for (ActionItem item : event.actionItems()) {
            jdbc.update(
                    """
                    INSERT INTO action_item (decision_id, item_id, decision_number, decision_session, addressee,
                        due_session, request, status)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x)
                    WHERE NOT EXISTS (SELECT 1 FROM action_item WHERE decision_id = ? AND item_id = ?)""",
                    event.decisionId().value(),
                    item.itemId(),
                    event.number(),
                    event.sessionId().value(),
                    item.addressee().name(),
                    item.dueSession().value(),
                    item.request(),
                    ActionItemStatus.OPEN.name(),
                    event.decisionId().value(),
                    item.itemId());
        }
    }

    @EventHandler
    void on(ActionItemOverdue event) {
        jdbc.update(
                "UPDATE action_item SET status = ? WHERE decision_id = ? AND item_id = ? AND status = ?",
                ActionItemStatus.OVERDUE.name(),
                event.decisionId().value(),
                event.itemId(),
                ActionItemStatus.OPEN.name());
    }

    @EventHandler
    void on(ActionItemReported event) {
        jdbc.update(
                "UPDATE action_item SET status = ?, document_reference = ? WHERE decision_id = ? AND item_id = ?",
                ActionItemStatus.REPORTED.name(),
                event.documentReference(),
                event.decisionId().value(),
                event.itemId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM action_item");
        jdbc.update("DELETE FROM cpm_session");
    }
}
