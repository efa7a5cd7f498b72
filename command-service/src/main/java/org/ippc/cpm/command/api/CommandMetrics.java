package org.ippc.cpm.command.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code cpm_commands_seconds}, a histogram per command type and outcome: accepted, replayed (an Idempotency-Key's
 * retry answered from the first answer), refused (with its rule), forbidden, invalid, conflict, failed (a fault or
 * an unreachable database).
 */
@Component
class CommandMetrics {

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void record(Timer.Sample sample, String command, String outcome, String rule) {
        sample.stop(Timer.builder("cpm.commands")
                .description("Commands received over HTTP, by type and outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("rule", rule == null ? "none" : rule)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry));
    }
}
