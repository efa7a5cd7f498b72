package org.ippc.cpm.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * {@code cpm_live_subscribers}: the live streams this node serves now; {@code cpm_live_deliveries_seconds}: how long
 * after a programme's change its row reached a subscriber, as a histogram.
 */
@Component
class LiveMetrics {

    private final AtomicInteger subscribers = new AtomicInteger();
    private final Timer deliveries;

    LiveMetrics(MeterRegistry registry) {
        Gauge.builder("cpm.live.subscribers", subscribers, AtomicInteger::get)
                .description("Server-Sent Event streams open on this node")
                .register(registry);
        this.deliveries = Timer.builder("cpm.live.deliveries")
                .description("From a programme's change to its delivery to a live subscriber")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }

    void opened() {
        subscribers.incrementAndGet();
    }

    void closed() {
        subscribers.decrementAndGet();
    }

    void delivered(Instant changedAt) {
        if (changedAt != null) {
            deliveries.record(Duration.between(changedAt, Instant.now()));
        }
    }
}
