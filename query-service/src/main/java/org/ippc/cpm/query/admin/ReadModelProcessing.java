package org.ippc.cpm.query.admin;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.ippc.cpm.command.api.DatabaseUnavailable;
import org.ippc.cpm.projection.ReadModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the read-models processor treats a failure: an event at fault is dead-lettered, an outage is waited out. */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessing {

    /**
     * A handler that failed because the database is unreachable has nothing wrong with its event: the failure
     * propagates, the batch rolls back and is retried, and nothing is dead-lettered for an outage.
     */
    @Bean
    ConfigurerModule readModelDeadLetterPolicy() {
        EnqueuePolicy<EventMessage<?>> policy = (letter, cause) -> {
            if (DatabaseUnavailable.causes(cause)) {
                throw cause instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(cause);
            }
            return Decisions.enqueue(cause);
        };
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterPolicy(ReadModels.PROCESSING_GROUP, c -> policy);
    }
}
