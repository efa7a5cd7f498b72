package org.ippc.cpm.query.outreach;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.decision.ActionItemOverdue;
import org.ippc.cpm.domain.decision.ActionItemReported;
import org.ippc.cpm.domain.decision.DecisionRecorded;
import org.ippc.cpm.domain.directory.ContactPointRegistered;
import org.ippc.cpm.domain.directory.ContactPointRemoved;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.directory.NotificationsChosen;
import org.ippc.cpm.domain.round.InputClosed;
import org.ippc.cpm.domain.round.RoundOpened;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.session.SessionScheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The "outreach" tracking processor (one segment, claimed by one node at a time): keeps the directory, the sessions'
 * days and the deadlines, and writes the notices a decision or an overdue item calls for into the outbox, in the
 * transaction that advances its token. Every write is an upsert or guarded by a key, so a replay changes nothing.
 */
@Component
@ProcessingGroup(OutreachProjection.GROUP)
class OutreachProjection {

    static final String GROUP = "outreach";

    private final JdbcTemplate jdbc;
    private final MailOutbox outbox;

    OutreachProjection(DataSource dataSource, MailOutbox outbox) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.outbox = outbox;
    }

    @EventHandler
    void on(ContactPointRegistered event) {
        int changed = jdbc.update(
                "UPDATE outreach_contact SET email = ?, language = ? WHERE addressee = ? AND person = ?",
                event.email(),
                event.language().name(),
                event.addressee().value(),
                event.person());
        if (changed == 0) {
            jdbc.update(
                    "INSERT INTO outreach_contact (addressee, person, email, language, delivery, optional_notices)"
                            + " VALUES (?, ?, ?, ?, ?, TRUE)",
                    event.addressee().value(),
                    event.person(),
                    event.email(),
                    event.language().name(),
                    Delivery.IMMEDIATE.name());
        }
    }

    @EventHandler
    void on(ContactPointRemoved event) {
        jdbc.update(
                "DELETE FROM outreach_contact WHERE addressee = ? AND person = ?",
                event.addressee().value(),
                event.person());
    }

    @EventHandler
    void on(NotificationsChosen event) {
        jdbc.update(
                "UPDATE outreach_contact SET delivery = ?, optional_notices = ? WHERE addressee = ? AND person = ?",
                event.delivery().name(),
                event.optionalNotices(),
                event.addressee().value(),
                event.person());
    }

    @EventHandler
    void on(SessionScheduled event) {
        jdbc.update(
                "DELETE FROM outreach_session WHERE session_id = ?",
                event.sessionId().value());
        jdbc.update(
                "INSERT INTO outreach_session (session_id, session_number, opens_on, closes_on, status)"
                        + " VALUES (?, ?, ?, ?, 'SCHEDULED')",
                event.sessionId().value(),
                event.number(),
                event.opensOn(),
                event.closesOn());
    }

    @EventHandler
    void on(SessionOpened event) {
        jdbc.update(
                "UPDATE outreach_session SET status = 'OPEN' WHERE session_id = ?",
                event.sessionId().value());
    }

    @EventHandler
    void on(SessionClosed event) {
        jdbc.update(
                "UPDATE outreach_session SET status = 'CLOSED' WHERE session_id = ?",
                event.sessionId().value());
    }

    @EventHandler
    void on(RoundOpened event) {
        upsertDeadline(
                Deadlines.inputId(event.roundId().value()),
                Deadlines.INPUT,
                Notice.EVERY_PARTY,
                event.sessionId().value(),
                event.inputDeadline(),
                event.sessionId().value(),
                event.roundId().value());
    }

    @EventHandler
    void on(InputClosed event) {
        settle(Deadlines.inputId(event.roundId().value()), "CLOSED");
    }

    @EventHandler
    void on(DecisionRecorded event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        for (ActionItem item : event.actionItems()) {
            String id = Deadlines.itemId(event.decisionId().value(), item.itemId());
            upsertDeadline(
                    id,
                    Deadlines.ITEM,
                    item.addressee().name(),
                    item.dueSession().value(),
                    null,
                    event.decisionId().value(),
                    item.itemId() + "\n" + item.request());
            outbox.enqueue(new Notice(
                    "decision/" + id,
                    NoticeKind.DECISION,
                    item.addressee().name(),
                    List.of(
                            event.decisionId().value(),
                            event.sessionId().value(),
                            event.text(),
                            item.itemId(),
                            item.request(),
                            item.dueSession().value()),
                    "/dashboard/session.html?id=" + item.dueSession().value(),
                    recordedAt));
        }
    }

    @EventHandler
    void on(ActionItemReported event) {
        settle(Deadlines.itemId(event.decisionId().value(), event.itemId()), "REPORTED");
    }

    @EventHandler
    void on(ActionItemOverdue event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String id = Deadlines.itemId(event.decisionId().value(), event.itemId());
        settle(id, "OVERDUE");
        jdbc.query(
                "SELECT addressee FROM outreach_deadline WHERE deadline_id = ?",
                rs -> {
                    outbox.enqueue(new Notice(
                            "overdue/" + id,
                            NoticeKind.OVERDUE,
                            rs.getString(1),
                            List.of(
                                    event.itemId(),
                                    event.decisionId().value(),
                                    event.dueSession().value()),
                            "/dashboard/session.html?id=" + event.dueSession().value(),
                            recordedAt));
                },
                id);
    }

    private void upsertDeadline(
            String id, String kind, String addressee, String session, Instant dueAt, String title, String detail) {
        jdbc.update("DELETE FROM outreach_deadline WHERE deadline_id = ?", id);
        jdbc.update(
                "INSERT INTO outreach_deadline (deadline_id, kind, addressee, session_id, due_at, title, detail, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')",
                id,
                kind,
                addressee,
                session,
                dueAt == null ? null : java.sql.Timestamp.from(dueAt),
                title,
                detail);
    }

    private void settle(String id, String status) {
        jdbc.update("UPDATE outreach_deadline SET status = ? WHERE deadline_id = ?", status, id);
    }
}
