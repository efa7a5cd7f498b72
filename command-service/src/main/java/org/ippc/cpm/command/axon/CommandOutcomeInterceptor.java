package org.ippc.cpm.command.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Makes every command answer with a {@link CommandOutcome}: the aggregate it names and, as the event store
 * intercepts them on their way to storage, the events it appended.
 */
@Component
class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String OUTCOME = "cpm.outcome";

    private final AnnotationCommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    CommandOutcomeInterceptor(CommandBus commandBus, EventStore eventStore) {
        commandBus.registerHandlerInterceptor(this);
        eventStore.registerDispatchInterceptor(new RecordAppended());
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandOutcome outcome = new CommandOutcome(namedTarget(unitOfWork.getMessage()));
        unitOfWork.root().resources().putIfAbsent(OUTCOME, outcome);
        chain.proceed();
        return outcome;
    }

    private String namedTarget(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException creationCommand) {
            return null;
        }
    }

    private static final class RecordAppended implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, message) -> {
                if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
                    CommandOutcome outcome = CurrentUnitOfWork.get().root().getResource(OUTCOME);
                    if (outcome != null) {
                        outcome.appended(new Appended(event.getAggregateIdentifier(), event.getSequenceNumber(),
                                event.getPayloadType().getSimpleName()));
                    }
                }
                return message;
            };
        }
    }
}
