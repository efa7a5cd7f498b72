package org.ippc.cpm.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each projection handler in a savepoint of the batch's transaction. When a handler fails, its partial writes
 * are undone and the transaction stays usable (PostgreSQL refuses every statement after an error otherwise), so Axon
 * can put the event in the dead-letter queue and carry on with the other programmes.
 */
@Component
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

    public SavepointPerEvent(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().getPackageName().equals(SavepointPerEvent.class.getPackageName())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (Exception e) {
                            throw new HandlerFailed(e);
                        }
                    });
                } catch (HandlerFailed failed) {
                    throw failed.cause;
                }
            }
        };
    }

    private static final class HandlerFailed extends RuntimeException {
        private final Exception cause;

        HandlerFailed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
