package org.ippc.cpm.query.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node reads the shared {@code board_update} feed and passes each change to the live streams of its own
 * clients. The projection that wrote the change may have run on another node: the database, not the JVM, carries it.
 * Several segments (on several nodes) write the feed, so a number can commit after a higher one: a skipped number is
 * looked for again until it appears or {@link #GAP_WAIT} has passed (a rolled-back batch leaves a gap for good).
 */
@Component
class LiveUpdatePoller {

    private final BoardFeed feed;
    private final LiveSubscribers subscribers;
    private long seen = -1;
    /** Skipped numbers, with the instant (nanoTime) after which they are given up on. */
    private final Map<Long, Long> gaps = new HashMap<>();

    static final Duration GAP_WAIT = Duration.ofSeconds(5);
    private static final int MAX_GAPS = 10_000;

    LiveUpdatePoller(BoardFeed feed, LiveSubscribers subscribers) {
        this.feed = feed;
        this.subscribers = subscribers;
    }

    /** A client away for longer than 100,000 changes reloads the board instead of catching up. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void trim() {
        feed.trim(100_000);
    }

    @Scheduled(fixedDelayString = "${cpm.live.poll-interval}")
    synchronized void poll() {
        if (seen < 0) {
            seen = feed.head();
            return;
        }
        List<BoardChange> changes;
        do {
            changes = feed.after(seen, null);
            for (BoardChange change : changes) {
                for (long skipped = seen + 1; skipped < change.seq() && gaps.size() < MAX_GAPS; skipped++) {
                    gaps.put(skipped, System.nanoTime() + GAP_WAIT.toNanos());
                }
                seen = change.seq();
                deliver(change);
            }
        } while (!changes.isEmpty());
        if (!gaps.isEmpty()) {
            for (BoardChange late : feed.exactly(List.copyOf(gaps.keySet()))) {
                gaps.remove(late.seq());
                deliver(late);
            }
            long now = System.nanoTime();
            gaps.values().removeIf(deadline -> now - deadline > 0);
        }
    }

    private void deliver(BoardChange change) {
        if (change.programme() == null) {
            return;
        }
        subscribers.publish(change);
    }
}
