package org.ippc.cpm.query.admin;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The read models in {@code /actuator/health}: how far behind the store they are and how many events wait in the
 * dead-letter queue. Dead letters do not make a node unready (every other programme is served); they are a detail
 * to alert on ({@code cpm.read_models.dead_letters}) and to retry through the dead-letter API.
 */
@Component("readModels")
class ReadModelHealth implements HealthIndicator {

    private final ReadModelPosition position;

    ReadModelHealth(ReadModelPosition position) {
        this.position = position;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("lag", position.lag())
                .withDetail("deadLetters", position.deadLetters())
                .build();
    }
}
