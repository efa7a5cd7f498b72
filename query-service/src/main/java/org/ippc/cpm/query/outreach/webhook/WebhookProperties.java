package org.ippc.cpm.query.outreach.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the engine delivers webhooks (docs/integration-guide.md).
 *
 * @param allowPrivateTargets deliver to loopback, private and link-local addresses too (off: a subscription can reach
 *                            only public addresses, so it cannot be pointed at the engine's own network)
 * @param timeout             how long one delivery may take, connecting and answering
 * @param lease               how long a node holds a subscription without renewing it; after a node dies, another
 *                            takes the subscription over once this has passed (longer than {@code timeout})
 * @param batch               how many events a node delivers to one subscription before it lets it go
 * @param rotationOverlap     how long deliveries carry the previous secret's signature too after a rotation
 * @param retrySchedule       the waits after each failed attempt; once they are spent, the subscription is paused
 *                            (Standard Webhooks' schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, about 28 h)
 */
@ConfigurationProperties("cpm.webhooks")
public record WebhookProperties(
        boolean allowPrivateTargets,
        Duration timeout,
        Duration lease,
        int batch,
        Duration rotationOverlap,
        List<Duration> retrySchedule) {

    public WebhookProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        batch = batch <= 0 ? 100 : batch;
        rotationOverlap = rotationOverlap == null ? Duration.ofHours(24) : rotationOverlap;
        retrySchedule = retrySchedule == null || retrySchedule.isEmpty()
                ? List.of(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10))
                : List.copyOf(retrySchedule);
    }
}
