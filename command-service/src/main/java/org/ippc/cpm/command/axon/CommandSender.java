package org.ippc.cpm.command.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Sends a command so that its answer is the one a single node would give on the store's latest state, whichever
 * node it reaches. Each node decides without asking the others: on its cached copy of a programme, or on what it
 * read from the store. If another node appended in between, the command fails (the event table's key refuses a
 * second event at the same sequence number; a cached copy that was stale may also have refused the command or its
 * If-Match); it is then decided again, on what the store holds now. Nothing of a failed attempt was recorded.
 */
@Component
public class CommandSender {

    /** Attempts after a concurrent append: each one is lost only to another command that succeeded. */
    private static final int ATTEMPTS = 5;

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(CommandMessage<?> command) {
        for (int attempt = 1; ; attempt++) {
            CachedReads.forget();
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException appendedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw appendedMeanwhile;
                }
            } catch (RuleViolation | VersionMismatch refused) {
                // Axon has dropped the cached copies this attempt used: the next one reads the store.
                if (!CachedReads.used() || attempt == ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }
}
