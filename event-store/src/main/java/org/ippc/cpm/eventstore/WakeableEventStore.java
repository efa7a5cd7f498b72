package org.ippc.cpm.eventstore;

import java.util.List;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

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

    /**
     * A processor that (re)opens its stream, after a restart, a claim or an outage, may join at a position the store
     * last read while nobody was listening (it reads for tailing streams only); it reads again now, not at the next poll.
     */
    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        TrackingEventStream stream = super.openStream(trackingToken);
        wake();
        return stream;
    }
}
