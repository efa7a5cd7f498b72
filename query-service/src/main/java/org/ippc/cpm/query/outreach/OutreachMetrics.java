package org.ippc.cpm.query.outreach;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the outreach (docs/operator-guide.md): e-mails of the outbox by status and webhook
 * subscriptions by status, read from the shared tables at each scrape, so every node reports the same numbers.
 */
@Component
class OutreachMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutreachMetrics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : List.of(MailOutbox.WAITING, MailOutbox.SENT, MailOutbox.FAILED, MailOutbox.SKIPPED)) {
            Gauge.builder(
                            "cpm.outreach.outbox",
                            () -> count("SELECT COUNT(*) FROM mail_outbox WHERE status = ?", status))
                    .description("E-mails of the outbox by status")
                    .tag("status", status)
                    .register(registry);
        }
        for (String status : List.of("ACTIVE", "PAUSED")) {
            Gauge.builder(
                            "cpm.webhooks.subscriptions",
                            () -> count("SELECT COUNT(*) FROM webhook_subscription WHERE status = ?", status))
                    .description("Webhook subscriptions by status (a PAUSED one failed for longer than its retries)")
                    .tag("status", status)
                    .register(registry);
        }
    }

    private double count(String sql, String status) {
        try {
            Long count = jdbc.queryForObject(sql, Long.class, status);
            return count == null ? 0 : count;
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }
}
