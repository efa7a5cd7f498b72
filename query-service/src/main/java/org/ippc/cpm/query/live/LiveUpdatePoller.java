package org.ippc.cpm.query.live;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every node reads the shared {@code board_update} feed and passes each change to the subscription queries of its own
 * clients. The projection that wrote the change may have run on another node: the database, not the JVM, carries it.
 */
@Component
class LiveUpdatePoller {

    private final BoardFeed feed;
    private final QueryUpdateEmitter emitter;
    private long seen = -1;

    LiveUpdatePoller(BoardFeed feed, QueryUpdateEmitter emitter) {
        this.feed = feed;
        this.emitter = emitter;
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
                seen = change.seq();
                if (change.programme() == null) {
                    continue;
                }
                emitter.emit(WatchBoard.class, query -> true, change);
                emitter.emit(WatchProgramme.class, query -> query.programmeId().equals(change.programme().programmeId()), change);
            }
        } while (!changes.isEmpty());
    }
}
