package org.ippc.cpm.command.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Per command type and outcome (accepted, refused with its rule, forbidden, invalid, conflict, failed). */
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
                .publishPercentileHistogram(false)
                .register(registry));
    }
}
