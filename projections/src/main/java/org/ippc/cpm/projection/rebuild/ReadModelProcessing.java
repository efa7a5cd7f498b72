package org.ippc.cpm.projection.rebuild;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.ippc.cpm.platform.DatabaseUnavailable;
import org.ippc.cpm.projection.ReadModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * How the read-models processor treats a failure: an event at fault is dead-lettered (its aggregate's later events
 * queue behind it, the others go on); a database at fault (unreachable, a table missing) pauses the processor, which
 * retries until the database is repaired, so nothing is dead-lettered for it.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessing {

    @Bean
    ConfigurerModule readModelDeadLetterPolicy() {
        EnqueuePolicy<EventMessage<?>> policy = (letter, cause) -> {
            if (databaseAtFault(cause)) {
                throw cause instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(cause);
            }
            return Decisions.enqueue(cause);
        };
        return configurer ->
                configurer.eventProcessing().registerDeadLetterPolicy(ReadModels.PROCESSING_GROUP, c -> policy);
    }

    /**
     * The database is at fault when it cannot be reached or fails for a reason other than the values written (a
     * missing table, a lost connection). The event is at fault when its handler failed on its own (say, for a row the
     * board lost) or the database refused its values (a constraint, a value too long or out of range: SQLState
     * classes 22 and 23, Spring's {@link DataIntegrityViolationException}).
     */
    static boolean databaseAtFault(Throwable cause) {
        if (DatabaseUnavailable.causes(cause)) {
            return true;
        }
        for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
            if (failure instanceof DataAccessException access) {
                return !(access instanceof DataIntegrityViolationException);
            }
        }
        return false;
    }
}
