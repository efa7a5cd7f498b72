package org.ippc.cpm.query.admin;

import org.ippc.cpm.projection.rebuild.ReadModelPosition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The read models in {@code /actuator/health}: how far behind the store they are and how many events wait in the
 * dead-letter queue. Dead letters do not make a node unready (every other programme is served), but they turn the
 * status to {@code DEGRADED} (still HTTP 200; ordered between DOWN and UP in application.yml), which alerting can see
 * beside the gauge {@code cpm.read_models.dead_letters}; they are retried through the dead-letter API.
 */
@Component("readModels")
class ReadModelHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events wait in the read models' dead-letter queue");

    private final ReadModelPosition position;

    ReadModelHealth(ReadModelPosition position) {
        this.position = position;
    }

    @Override
    public Health health() {
        long deadLetters = position.deadLetters();
        return Health.status(deadLetters > 0 ? DEGRADED : Status.UP)
                .withDetail("lag", position.lag())
                .withDetail("deadLetters", deadLetters)
                .build();
    }
}
