package org.ippc.cpm.query.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * This node's live streams, each a buffer of the board changes that concern it: every change for a board watcher,
 * one programme's changes for a programme watcher. {@link LiveUpdatePoller} publishes each change once, from one
 * thread; a stream whose client has fallen {@link #BUFFER} changes behind is ended after what it has buffered (its
 * client reconnects with {@code Last-Event-ID} and reads what it missed from the database).
 */
@Component
class LiveSubscribers {

    static final int BUFFER = 256;

    private final Set<Sinks.Many<BoardChange>> board = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Sinks.Many<BoardChange>>> programmes = new ConcurrentHashMap<>();

    /** A stream's changes from now on (buffered until read); {@code programmeId} null for the whole board. */
    Watch watch(String programmeId) {
        Sinks.Many<BoardChange> sink = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<BoardChange>get(BUFFER).get());
        if (programmeId == null) {
            board.add(sink);
            return new Watch(sink.asFlux(), () -> board.remove(sink));
        }
        programmes.compute(programmeId, (id, watchers) -> {
            Set<Sinks.Many<BoardChange>> all = watchers == null ? ConcurrentHashMap.newKeySet() : watchers;
            all.add(sink);
            return all;
        });
        return new Watch(
                sink.asFlux(),
                () -> programmes.computeIfPresent(programmeId, (id, watchers) -> {
                    watchers.remove(sink);
                    return watchers.isEmpty() ? null : watchers;
                }));
    }

    void publish(BoardChange change) {
        board.forEach(sink -> offer(sink, change));
        programmes.getOrDefault(change.programme().programmeId(), Set.of()).forEach(sink -> offer(sink, change));
    }

    private static void offer(Sinks.Many<BoardChange> sink, BoardChange change) {
        Sinks.EmitResult result = sink.tryEmitNext(change);
        // A full buffer is FAIL_ZERO_SUBSCRIBER while the stream still reads its snapshot, FAIL_OVERFLOW afterwards.
        if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            sink.tryEmitComplete();
        }
    }

    /** The changes of one stream, and how it stops receiving them. */
    record Watch(Flux<BoardChange> changes, Runnable cancel) {}
}
