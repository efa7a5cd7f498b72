package org.ippc.cpm.projection;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While {@link WriteBatch} is careful, each read-model handler runs in a savepoint of the batch's transaction: a
 * statement that fails rolls back that handler's writes only, and the transaction stays usable for the dead-letter
 * queue to record the event (PostgreSQL refuses every further statement of a transaction after a failed one).
 */
@Component
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final WriteBatch batch;
    private final TransactionTemplate savepoint;

    SavepointPerEvent(WriteBatch batch, PlatformTransactionManager transactions) {
        this.batch = batch;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null
                || !ReadModels.PROCESSING_GROUP.equals(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!batch.careful()) {
                    return super.handle(message, target);
                }
                try {
                    return savepoint
                            .execute(status -> {
                                try {
                                    return Optional.ofNullable(super.handle(message, target));
                                } catch (RuntimeException | Error unchecked) {
                                    throw unchecked;
                                } catch (Exception checked) {
                                    throw new UndeclaredThrowableException(checked);
                                }
                            })
                            .orElse(null);
                } catch (UndeclaredThrowableException wrapped) {
                    throw (Exception) wrapped.getUndeclaredThrowable();
                }
            }
        };
    }
}
