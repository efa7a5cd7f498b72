package org.ippc.cpm.query.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.Language;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The e-mail outbox: a notice becomes one row for each contact point of its addressee, written in the transaction that
 * decided it (the outreach processor's batch, the reminder task's run), so nothing decided is lost and nothing is
 * decided twice ({@code notice_key}). {@link org.ippc.cpm.query.outreach.mail.MailDelivery} sends the rows.
 */
@Component
public class MailOutbox {

    public static final String WAITING = "WAITING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    private static final String BODIES = java.util.Arrays.stream(Body.values())
            .map(body -> "'" + body.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final OutreachProperties settings;
    private final Clock clock;

    public MailOutbox(DataSource dataSource, OutreachProperties settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** Writes the notice for each of its addressee's contact points that should get it; returns how many rows. */
    public int enqueue(Notice notice) {
        Instant now = clock.instant();
        boolean tooOld = notice.decidedAt().isBefore(now.minus(settings.noticeMaxAge()));
        int written = 0;
        for (Contact contact : contactsOf(notice.addressee())) {
            if (!notice.kind().mandatory() && !contact.optionalNotices()) {
                continue;
            }
            NoticeTexts.Text text = NoticeTexts.render(notice.kind(), notice.args(), contact.language());
            boolean digest = contact.delivery() == Delivery.DAILY_DIGEST;
            String status = tooOld ? SKIPPED : WAITING;
            String key = notice.key() + "/" + contact.addressee() + "/" + contact.person();
            written += jdbc.update(
                    """
                    INSERT INTO mail_outbox (notice_key, kind, mandatory, addressee, person, email, language, digest,
                        subject, body, link, status, send_after, attempts, last_error, created_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM mail_outbox WHERE notice_key = ?)""",
                    key,
                    notice.kind().name(),
                    notice.kind().mandatory(),
                    contact.addressee(),
                    contact.person(),
                    contact.email(),
                    contact.language().name(),
                    digest,
                    text.subject(),
                    text.body(),
                    notice.linkPath(),
                    status,
                    Timestamp.from(digest ? nextDigest(now) : now),
                    tooOld ? "recorded " + notice.decidedAt() + ", older than " + settings.noticeMaxAge() : null,
                    Timestamp.from(now),
                    key);
        }
        return written;
    }

    /** The contact points of an addressee ({@link Notice#EVERY_PARTY}: of every party and RPPO, no body). */
    public List<Contact> contactsOf(String addressee) {
        String sql = "SELECT addressee, person, email, language, delivery, optional_notices FROM outreach_contact ";
        var mapper = (org.springframework.jdbc.core.RowMapper<Contact>) (rs, i) -> new Contact(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Language.valueOf(rs.getString(4)),
                Delivery.valueOf(rs.getString(5)),
                rs.getBoolean(6));
        if (Notice.EVERY_PARTY.equals(addressee)) {
            return jdbc.query(sql + "WHERE addressee NOT IN (" + BODIES + ") ORDER BY 1, 2", mapper);
        }
        return jdbc.query(sql + "WHERE addressee = ? ORDER BY 2", mapper, addressee);
    }

    private Instant nextDigest(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Instant at = today.atTime(settings.digestAt()).toInstant(ZoneOffset.UTC);
        return at.isAfter(now) ? at : at.plus(Duration.ofDays(1));
    }

    /** A contact point as the outreach processor keeps it. */
    public record Contact(
            String addressee,
            String person,
            String email,
            Language language,
            Delivery delivery,
            boolean optionalNotices) {}
}
