package org.ippc.cpm.query.outreach;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.ippc.cpm.query.BadQuery;
import org.ippc.cpm.query.NotFound;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory as the notices see it, and the e-mail outbox: sent, waiting and failed (SECRETARIAT, AUDITOR). */
@RestController
@RequestMapping(path = "/api/outreach", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "E-mail notices", description = "Contact points and the outbox (SECRETARIAT, AUDITOR)")
class OutreachController {

    private static final List<String> STATUSES =
            List.of(MailOutbox.WAITING, MailOutbox.SENT, MailOutbox.FAILED, MailOutbox.SKIPPED);

    private final JdbcTemplate jdbc;
    private final MailOutbox outbox;

    OutreachController(DataSource dataSource, MailOutbox outbox) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.outbox = outbox;
    }

    @GetMapping("/contacts")
    @Operation(operationId = "contactPoints", summary = "Every contact point with its address, language and choices")
    List<MailOutbox.Contact> contacts() {
        return jdbc
                .queryForList("SELECT DISTINCT addressee FROM outreach_contact ORDER BY addressee", String.class)
                .stream()
                .flatMap(addressee -> outbox.contactsOf(addressee).stream())
                .toList();
    }

    @GetMapping("/outbox")
    @Operation(
            operationId = "mailOutbox",
            summary = "The latest e-mails of the outbox, newest first, of one status or all")
    List<OutboxEntry> entries(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadQuery("status must be one of " + STATUSES);
        }
        if (limit < 1 || limit > 1000) {
            throw new BadQuery("limit must be 1 to 1000");
        }
        return status == null
                ? query("ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                : query("WHERE status = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", status);
    }

    @PostMapping("/outbox/{id}/retry")
    @Operation(operationId = "retryMail", summary = "Sends a FAILED e-mail again from its first attempt")
    OutboxEntry retry(@PathVariable long id) {
        if (jdbc.update(
                        "UPDATE mail_outbox SET status = 'WAITING', attempts = 0, send_after = ? WHERE id = ?"
                                + " AND status = 'FAILED'",
                        Timestamp.from(Instant.now()),
                        id)
                == 0) {
            throw new NotFound("No FAILED e-mail " + id);
        }
        return query("WHERE id = ?", id).get(0);
    }

    private List<OutboxEntry> query(String rest, Object... args) {
        return jdbc.query(
                """
                SELECT id, kind, mandatory, addressee, person, email, language, digest, subject, status, send_after,
                       attempts, last_error, message_id, created_at, sent_at
                FROM mail_outbox """ + " " + rest,
                (rs, i) -> new OutboxEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant(),
                        rs.getInt(12),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getTimestamp(15).toInstant(),
                        rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant()),
                args);
    }
}
