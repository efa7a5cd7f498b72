package org.ippc.cpm.query.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What is owed by a date, as the outreach processor keeps it: a round's input (P1: every party and RPPO, by its
 * deadline) and each action item (C1: its body, by the first day of its due session, when the session's days are
 * known). The reminders and the calendar feeds read the same list.
 */
@Component
public class Deadlines {

    static final String INPUT = "INPUT";
    static final String ITEM = "ITEM";

    private static final String SELECT = """
            SELECT d.deadline_id, d.kind, d.addressee, d.session_id, d.due_at, d.title, d.detail, d.status,
                   s.opens_on, s.closes_on
            FROM outreach_deadline d LEFT JOIN outreach_session s ON s.session_id = d.session_id""";

    private final JdbcTemplate jdbc;

    Deadlines(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static String inputId(String roundId) {
        return "input/" + roundId;
    }

    static String itemId(String decisionId, String itemId) {
        return "item/" + decisionId + "/" + itemId;
    }

    /** Every deadline still open whose day is known. */
    public List<Deadline> open() {
        return jdbc.query(SELECT + " WHERE d.status = 'OPEN' ORDER BY d.deadline_id", this::deadline).stream()
                .filter(deadline -> deadline.due() != null)
                .toList();
    }

    /** Every deadline of an addressee (a body's items; for a party or RPPO, the rounds' input), whatever its status. */
    public List<Deadline> of(String addressee, boolean party) {
        return jdbc.query(
                SELECT + " WHERE d.addressee = ? ORDER BY d.deadline_id",
                this::deadline,
                party ? Notice.EVERY_PARTY : addressee);
    }

    private Deadline deadline(ResultSet rs, int row) throws SQLException {
        var dueAt = rs.getTimestamp(5);
        var opensOn = rs.getObject(9, LocalDate.class);
        Instant due = dueAt != null
                ? dueAt.toInstant()
                : opensOn == null ? null : opensOn.atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Deadline(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                due,
                dueAt == null,
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    /**
     * @param due    when it is due (null: the day is not known yet)
     * @param allDay due on a day (an item, at its session's first day) rather than at an instant (a round's input)
     * @param title  the round's session or the decision
     * @param detail the round, or the item's id and request on two lines
     */
    public record Deadline(
            String id,
            String kind,
            String addressee,
            String sessionId,
            Instant due,
            boolean allDay,
            String title,
            String detail,
            String status) {

        /** The facts of its texts ({@link NoticeTexts}): kind, three facts, and the day it is due. */
        public List<String> textArgs() {
            String day = due.atZone(ZoneOffset.UTC).toLocalDate().toString();
            if (INPUT.equals(kind)) {
                return List.of("input", sessionId, detail, "", day);
            }
            String[] item = detail.split("\n", 2);
            return List.of("item", title, item[0], item[1], day);
        }
    }
}
