package org.ippc.cpm.command.cluster;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which its tracking processors read; it wakes them at once for events committed in
 * this JVM and otherwise polls. {@link #wake()} lets another node's commit wake them too ({@link EventStoreNotifications}).
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Reads the store now instead of at the next poll: another node has committed events. */
    public void wake() {
        afterCommit(List.of());
    }
}
