package org.ippc.cpm.query.outreach;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Looks at the open deadlines every {@code cpm.outreach.remind-every} (a db-scheduler task: one node at a time, and
 * a run a dead node began is run again by another): within the lead time an optional reminder, on the day a mandatory
 * notice, each once ({@link Notice#key()}).
 */
@Configuration(proxyBeanMethods = false)
public class Reminders {

    private final Deadlines deadlines;
    private final MailOutbox outbox;
    private final OutreachProperties settings;

    Reminders(Deadlines deadlines, MailOutbox outbox, OutreachProperties settings) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> outreachReminders() {
        return Tasks.recurring("outreach-reminders", FixedDelay.of(settings.remindEvery()))
                .execute((instance, context) -> remindAt(Instant.now()));
    }

    /**
     * The notices the deadlines call for as of {@code now} (the task's clock; a test's day in the story); they are
     * decided at the real now. Returns how many outbox rows were written.
     */
    public int remindAt(Instant now) {
        int written = 0;
        var today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (Deadlines.Deadline deadline : deadlines.open()) {
            var dueDay = deadline.due().atZone(ZoneOffset.UTC).toLocalDate();
            NoticeKind kind = null;
            if (dueDay.equals(today)) {
                kind = NoticeKind.DUE_TODAY;
            } else if (today.isBefore(dueDay) && !now.isBefore(deadline.due().minus(settings.reminderLead()))) {
                kind = NoticeKind.REMINDER;
            }
            if (kind != null) {
                written += outbox.enqueue(new Notice(
                        kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + deadline.id(),
                        kind,
                        deadline.addressee(),
                        deadline.textArgs(),
                        "/dashboard/session.html?id=" + deadline.sessionId(),
                        Instant.now()));
            }
        }
        return written;
    }
}
