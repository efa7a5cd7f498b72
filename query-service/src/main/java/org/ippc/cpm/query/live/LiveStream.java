package org.ippc.cpm.query.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's SSE connection. Live changes that arrive while the missed ones are being sent wait in a buffer, so the
 * client sees every change once and in order.
 */
final class LiveStream {

    private final SseEmitter emitter;
    private final List<BoardChange> buffered = new ArrayList<>();
    private boolean catchingUp = true;
    private long lastSent;
    private Disposable subscription;
    private volatile boolean open = true;

    LiveStream(SseEmitter emitter, long lastSent) {
        this.emitter = emitter;
        this.lastSent = lastSent;
    }

    void subscribed(Disposable subscription) {
        this.subscription = subscription;
    }

    synchronized void snapshot(Object initial, long seq) {
        send(SseEmitter.event().name("snapshot").id(Long.toString(seq)).data(initial, MediaType.APPLICATION_JSON));
        lastSent = Math.max(lastSent, seq);
    }

    synchronized void missed(List<BoardChange> changes) {
        changes.forEach(this::deliver);
    }

    synchronized void caughtUp() {
        catchingUp = false;
        buffered.forEach(this::deliver);
        buffered.clear();
    }

    synchronized void live(BoardChange change) {
        if (catchingUp) {
            buffered.add(change);
        } else {
            deliver(change);
        }
    }

    synchronized void heartbeat() {
        send(SseEmitter.event().comment("heartbeat"));
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private void deliver(BoardChange change) {
        if (change.seq() > lastSent && change.programme() != null) {
            send(SseEmitter.event().name("programme").id(Long.toString(change.seq())).data(change.json()));
            lastSent = change.seq();
        }
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (!open) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            close();
            emitter.completeWithError(gone);
        }
    }
}
