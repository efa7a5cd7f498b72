package org.ippc.cpm.command.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ippc.cpm.command.api.CommandAccepted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Sends a command in a database transaction that also holds the If-Match check and the idempotency key: Axon's
 * unit of work joins this transaction, so a failed check or a concurrent retry with the same key rolls the
 * command's events back with it.
 */
@Component
public class CommandSender {

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final IdempotencyStore idempotency;

    CommandSender(CommandGateway commands, TransactionTemplate transaction, IdempotencyStore idempotency) {
        this.commands = commands;
        this.transaction = transaction;
        this.idempotency = idempotency;
    }

    /** A retry key: who sent it, the key, and a hash of the request it was first used with. */
    public record Retry(String principal, String key, String requestHash) {
    }

    public CommandAccepted send(String name, Object command, Optional<Long> expectedVersion, Optional<Retry> retry) {
        return transaction.execute(status -> {
            CommandOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command));
            String target = outcome.target();
            expectedVersion.ifPresent(expected -> {
                if (outcome.versionBefore() != expected) {
                    throw new VersionMismatch(target, expected, outcome.versionBefore());
                }
            });
            CommandAccepted accepted = new CommandAccepted(name, target, outcome.versionAfter(), outcome.events());
            retry.ifPresent(r -> idempotency.remember(r.principal(), r.key(), r.requestHash(), name, accepted));
            return accepted;
        });
    }
}
