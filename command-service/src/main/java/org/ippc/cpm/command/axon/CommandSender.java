package org.ippc.cpm.command.axon;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a command so that its answer is the one a single node would give on the store's latest state, whichever
 * node it reaches. Each node decides without asking the others: on its cached copy of a programme, or on what it
 * read from the store. If another node appended in between, the command fails (the event table's key refuses a
 * second event at the same sequence number; a cached copy that was stale may also have refused the command or its
 * If-Match); it is then decided again, on what the store holds now. Nothing of a failed attempt was recorded.
 * <p>
 * If the database went away while the command committed ({@link CommitInDoubt}), the answer waits until the database
 * says whether the command's events are stored: then it is the command's 2xx, or the failure (503, nothing was
 * recorded). If the database does not answer within {@code cpm.commands.in-doubt-wait} (60 s by default), it is a
 * 500 that says the outcome is unknown ({@link OutcomeUnknown}), never a guess.
 */
@Component
public class CommandSender {

    /** Attempts after a concurrent append: each one is lost only to another command that succeeded. */
    private static final int ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);
    private static final Duration ASK_EVERY = Duration.ofMillis(250);

    private final CommandGateway gateway;
    private final StoredEvents store;
    private final Duration inDoubtWait;

    CommandSender(
            CommandGateway gateway,
            StoredEvents store,
            @Value("${cpm.commands.in-doubt-wait:60s}") Duration inDoubtWait) {
        this.gateway = gateway;
        this.store = store;
        this.inDoubtWait = inDoubtWait;
    }

    public <R> R send(CommandMessage<?> command) {
        for (int attempt = 1; ; attempt++) {
            CachedReads.forget();
            try {
                return gateway.sendAndWait(command);
            } catch (CommitInDoubt inDoubt) {
                @SuppressWarnings("unchecked")
                R answer = (R) resolve(inDoubt);
                return answer;
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

    /** The command's answer if its events are stored, its failure if they are not, once the database says which. */
    private Object resolve(CommitInDoubt inDoubt) {
        long giveUpAt = System.nanoTime() + inDoubtWait.toNanos();
        while (true) {
            Optional<Boolean> stored = stored(inDoubt.eventId);
            if (stored.isPresent()) {
                LOG.warn(
                        "A commit the database did not confirm was {}: {} on {}",
                        stored.get() ? "recorded" : "not recorded",
                        inDoubt.answer.command(),
                        inDoubt.answer.aggregateId());
                if (stored.get()) {
                    return inDoubt.answer;
                }
                throw inDoubt.failure();
            }
            if (System.nanoTime() > giveUpAt) {
                throw new OutcomeUnknown(inDoubt.answer.aggregateId(), inDoubt);
            }
            try {
                Thread.sleep(ASK_EVERY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new OutcomeUnknown(inDoubt.answer.aggregateId(), inDoubt);
            }
        }
    }

    /** Whether the event is stored, or empty while the database cannot be reached. */
    private Optional<Boolean> stored(String eventId) {
        try {
            return Optional.of(store.contains(eventId));
        } catch (RuntimeException failure) {
            if (DatabaseUnavailable.causes(failure)) {
                return Optional.empty();
            }
            throw failure;
        }
    }
}
