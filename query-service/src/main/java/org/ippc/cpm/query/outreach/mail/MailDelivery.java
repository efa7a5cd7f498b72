package org.ippc.cpm.query.outreach.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.query.outreach.ChoiceLinks;
import org.ippc.cpm.query.outreach.MailOutbox;
import org.ippc.cpm.query.outreach.OutreachProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the outbox every {@code cpm.outreach.mail-every} through the operator's SMTP server ({@code spring.mail.*}):
 * a db-scheduler task, so one node sends at a time and a run a dead node began is run again by another. Each e-mail
 * is marked sent after the server took it; a crash between the two sends it again, with the same Message-ID so that
 * mail clients show it once. A refusal is retried with back-off (1 min doubling up to 6 h, 13 attempts over about 26 h); a recipient the server rejects, or the last attempt, marks the row FAILED for the Secretariat to see.
 * Without {@code spring.mail.host} nothing is sent and the rows wait.
 */
@Configuration(proxyBeanMethods = false)
public class MailDelivery {

    static final int ATTEMPTS = 13;
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final ChoiceLinks links;
    private final OutreachProperties settings;
    private final MailComposer composer = new MailComposer();

    MailDelivery(
            DataSource dataSource,
            ObjectProvider<JavaMailSender> sender,
            ChoiceLinks links,
            OutreachProperties settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sender = sender;
        this.links = links;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> outreachMail() {
        return Tasks.recurring("outreach-mail", FixedDelay.of(settings.mailEvery()))
                .execute((instance, context) -> sendDue());
    }

    /** Sends what is due now; returns how many e-mails the server took. */
    public int sendDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        List<Row> due = jdbc.query(
                """
                SELECT id, addressee, person, email, language, digest, subject, body, link, attempts, notice_key
                FROM mail_outbox WHERE status = 'WAITING' AND send_after <= ? ORDER BY id FETCH FIRST 500 ROWS ONLY""",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Language.valueOf(rs.getString(5)),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10),
                        rs.getString(11)),
                Timestamp.from(Instant.now()));
        Map<String, List<Row>> mails = new LinkedHashMap<>();
        for (Row row : due) {
            String group = row.digest() ? "digest/" + row.addressee() + "/" + row.person() : "one/" + row.id();
            mails.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        int sent = 0;
        for (List<Row> rows : mails.values()) {
            sent += send(mail, rows) ? 1 : 0;
        }
        return sent;
    }

    private boolean send(JavaMailSender mail, List<Row> rows) {
        Row first = rows.get(0);
        var composed = composer.compose(
                first.addressee(),
                first.person(),
                first.language(),
                rows.stream()
                        .map(row -> new MailComposer.Item(row.subject(), row.body(), settings.baseUrl() + row.link()))
                        .toList(),
                links.pageFor(first.addressee(), first.person()));
        String messageId = "<" + hash(rows.stream().map(Row::key).toList()) + "@cpm-engine>";
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(first.email());
            helper.setSubject(composed.subject());
            helper.setText(composed.text(), composed.html());
            message.setHeader("List-Unsubscribe", "<" + links.oneClickFor(first.addressee(), first.person()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.saveChanges();
            message.setHeader("Message-ID", messageId);
            mail.send(message);
        } catch (MailException | MessagingException failure) {
            boolean rejected = failure.getCause() instanceof SendFailedException
                    || failure instanceof org.springframework.mail.MailSendException sendFailure
                            && sendFailure.getMessageExceptions().length > 0
                            && sendFailure.getMessageExceptions()[0] instanceof SendFailedException;
            for (Row row : rows) {
                retryOrFail(row, rejected, failure);
            }
            return false;
        }
        for (Row row : rows) {
            jdbc.update(
                    "UPDATE mail_outbox SET status = 'SENT', sent_at = ?, message_id = ?, attempts = ? WHERE id = ?",
                    Timestamp.from(Instant.now()),
                    messageId,
                    row.attempts() + 1,
                    row.id());
        }
        return true;
    }

    private void retryOrFail(Row row, boolean rejected, Exception failure) {
        int attempts = row.attempts() + 1;
        String reason = (rejected ? "rejected: " : "attempt " + attempts + ": ") + failure.getMessage();
        if (rejected || attempts >= ATTEMPTS) {
            log.warn("E-mail {} to {} failed for good: {}", row.id(), row.email(), reason);
            jdbc.update(
                    "UPDATE mail_outbox SET status = ?, attempts = ?, last_error = ? WHERE id = ?",
                    MailOutbox.FAILED,
                    attempts,
                    reason,
                    row.id());
        } else {
            Duration wait = backoff(attempts);
            jdbc.update(
                    "UPDATE mail_outbox SET attempts = ?, last_error = ?, send_after = ? WHERE id = ?",
                    attempts,
                    reason,
                    Timestamp.from(Instant.now().plus(wait)),
                    row.id());
        }
    }

    /** 1 min, 2, 4, ... doubling up to 6 h. */
    static Duration backoff(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 9));
        return wait.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : wait;
    }

    private static String hash(List<String> keys) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(
            long id,
            String addressee,
            String person,
            String email,
            Language language,
            boolean digest,
            String subject,
            String body,
            String link,
            int attempts,
            String key) {}
}
