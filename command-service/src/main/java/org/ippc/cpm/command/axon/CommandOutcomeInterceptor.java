package org.ippc.cpm.command.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.ippc.cpm.domain.commission.AggregateTypes;
import org.ippc.cpm.domain.round.OpenRound;
import org.ippc.cpm.domain.shared.RoundId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs inside each command's unit of work and database transaction. Before the handler it loads the addressed
 * aggregate and checks If-Match (the aggregate stays locked for the rest of the unit of work, so nothing can slip
 * in between); after it, it reads the aggregate's new version and stores the idempotency key with the answer.
 * Everything commits or rolls back together with the command's events.
 */
@Component
class CommandOutcomeInterceptor {

    private final Configuration axon;
    private final IdempotencyStore idempotency;
    private final AnnotationCommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    CommandOutcomeInterceptor(Configuration axon, CommandBus commandBus, IdempotencyStore idempotency) {
        this.axon = axon;
        this.idempotency = idempotency;
        // Registered by hand, and not a MessageHandlerInterceptor bean, which Axon would register a second time.
        commandBus.registerHandlerInterceptor(this::handle);
    }

    private Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        MetaData metaData = command.getMetaData();
        if (!metaData.containsKey(CommandMetadata.COMMAND_NAME)) {
            return chain.proceed();
        }
        Repository<?> repository = axon.repository(AggregateTypes.of(command.getPayloadType()));
        String target = target(command);
        Object expected = metaData.get(CommandMetadata.EXPECTED_VERSION);
        if (expected != null) {
            long current = version(repository, target);
            if (current != ((Number) expected).longValue()) {
                throw new VersionMismatch(target, ((Number) expected).longValue(), current);
            }
        }
        chain.proceed();
        String name = (String) metaData.get(CommandMetadata.COMMAND_NAME);
        CommandAccepted accepted = new CommandAccepted(name, target, version(repository, target));
        unitOfWork.root().resources().put(CommitsInDoubt.ANSWER, accepted);
        if (metaData.get(CommandMetadata.IDEMPOTENCY_KEY) != null) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("an idempotency key must be stored in the command's transaction");
            }
            idempotency.remember(
                    (String) metaData.get(CommandMetadata.PRINCIPAL),
                    (String) metaData.get(CommandMetadata.IDEMPOTENCY_KEY),
                    (String) metaData.get(CommandMetadata.REQUEST_HASH),
                    name,
                    accepted);
        }
        return accepted;
    }

    /** The aggregate's version within this unit of work (loaded once, then the same instance), or -1 if it does not exist. */
    private static long version(Repository<?> repository, String id) {
        try {
            Aggregate<?> aggregate = repository.load(id);
            return aggregate.version() == null ? -1 : aggregate.version();
        } catch (AggregateNotFoundException absent) {
            return -1;
        }
    }

    private String target(CommandMessage<?> command) {
        if (command.getPayload() instanceof OpenRound open) {
            return RoundId.forSession(open.sessionId()).value();
        }
        return targets.resolveTarget(command).getIdentifier();
    }
}
