package org.ippc.cpm.domain.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.ippc.cpm.domain.decision.DecisionEvent;
import org.ippc.cpm.domain.directory.DirectoryEvent;
import org.ippc.cpm.domain.programme.ProgrammeEvent;
import org.ippc.cpm.domain.round.RoundEvent;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionEvent;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.translation.TranslationEvent;

/**
 * A given-when-then harness for the rules that span aggregates: the real Axon wiring of all four aggregates, the
 * cross-aggregate command handlers and the C3 saga, on an in-memory event store. Given events are appended to
 * the store as each aggregate's own history; the when-command goes through the command bus.
 */
final class CommissionHarness implements AutoCloseable {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration axon;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Object> published = new ArrayList<>();
    /** Deadlines are time-controlled in the aggregate fixtures; here they stay scheduled and never fire. */
    private final StubDeadlineManager deadlines = new StubDeadlineManager();

    private final SessionRegister register = SessionRegister.inMemory();

    CommissionHarness() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration().configureEmbeddedEventStore(c -> storage);
        new CommissionModule().configureModule(configurer);
        axon = configurer
                .registerComponent(DeadlineManager.class, c -> deadlines)
                .registerComponent(SessionRegister.class, c -> register)
                .eventProcessing(processing -> processing.usingSubscribingEventProcessors())
                .buildConfiguration();
        axon.start();
        axon.eventBus().subscribe(messages -> messages.forEach(m -> published.add(m.getPayload())));
    }

    CommissionHarness given(Object... events) {
        for (Object event : events) {
            String[] stream = streamOf(event);
            long sequence = sequences.merge(stream[1], 0L, (last, zero) -> last + 1);
            axon.eventStore().publish(new GenericDomainEventMessage<>(stream[0], stream[1], sequence, event));
            if (event instanceof SessionOpened opened) {
                register.opened(opened.sessionId());
            } else if (event instanceof SessionClosed closed) {
                register.closed(closed.sessionId());
            }
        }
        return this;
    }

    /** Sends a command through the bus; returns the events it recorded, or the rule it broke. */
    Outcome when(Object command) {
        long storedBefore = storedEvents();
        published.clear();
        try {
            axon.commandGateway().sendAndWait(command);
            published.forEach(this::track);
            return new Outcome(List.copyOf(published), null, storedBefore, this);
        } catch (RuntimeException refused) {
            return new Outcome(List.copyOf(published), refused, storedBefore, this);
        }
    }

    /** Sends each command and fails on the first one refused. */
    CommissionHarness run(Object... commands) {
        for (Object command : commands) {
            Outcome outcome = when(command);
            if (outcome.failure != null) {
                throw new AssertionError(
                        "refused " + command.getClass().getSimpleName() + ": " + outcome.failure.getMessage(),
                        outcome.failure);
            }
        }
        return this;
    }

    List<Object> history(Object aggregateId) {
        return axon.eventStore()
                .readEvents(aggregateId.toString())
                .asStream()
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    long storedEvents() {
        return storage.readEvents(null, false).count();
    }

    private void track(Object event) {
        String[] stream = streamOf(event);
        sequences.merge(stream[1], 0L, (last, zero) -> last + 1);
    }

    private static String[] streamOf(Object event) {
        String id;
        if (event instanceof SessionEvent e) {
            id = e.sessionId().value();
        } else if (event instanceof RoundEvent e) {
            id = e.roundId().value();
        } else if (event instanceof ProgrammeEvent e) {
            id = e.programmeId().value();
        } else if (event instanceof DecisionEvent e) {
            id = e.decisionId().value();
        } else if (event instanceof DirectoryEvent e) {
            id = e.addressee().value();
        } else if (event instanceof TranslationEvent e) {
            id = e.subject().value();
        } else {
            throw new IllegalArgumentException("not an event of the CPM lifecycle: " + event);
        }
        return new String[] {AggregateTypes.of(event.getClass()).getSimpleName(), id};
    }

    @Override
    public void close() {
        axon.shutdown();
    }

    record Outcome(List<Object> events, RuntimeException failure, long storedBefore, CommissionHarness harness) {

        Outcome expectEvents(Object... expected) {
            if (failure != null) {
                fail("expected events but the command was refused: " + failure.getMessage(), failure);
            }
            assertThat(events).containsExactly(expected);
            return this;
        }

        /** A2: the command is refused with the named rule and nothing is recorded. */
        Outcome expectViolation(String rule, String text) {
            assertThat(failure).as("refusal").isInstanceOf(RuleViolation.class);
            assertThat(((RuleViolation) failure).rule()).isEqualTo(rule);
            assertThat(failure.getMessage()).startsWith(rule + ": ").contains(text);
            assertThat(events).as("events published by a refused command").isEmpty();
            assertThat(harness.storedEvents())
                    .as("events stored by a refused command")
                    .isEqualTo(storedBefore);
            return this;
        }
    }
}
