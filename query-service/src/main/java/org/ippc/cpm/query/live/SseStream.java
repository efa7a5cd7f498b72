package org.ippc.cpm.query.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;

/**
 * One live stream's connection, written with the Servlet API's non-blocking output: a frame goes to the socket when
 * the socket takes it and waits in this stream's queue when it does not, so a client that stops reading (a laptop
 * asleep, a stalled proxy) costs its queue, never a thread that other streams need. A stream with {@link #BEHIND}
 * frames waiting is ended (its client resumes with {@code Last-Event-ID}); a heartbeat is not queued behind frames
 * that already wait.
 *
 * <p>Frames come from any thread and the container calls {@link #onWritePossible()} on its own; whichever thread
 * finds the stream idle writes for all of them, and no thread ever waits for another here.
 */
final class SseStream implements WriteListener, AsyncListener {

    static final int BEHIND = LiveSubscribers.BUFFER;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Queue<byte[]> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicInteger pendingDrains = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;
    private boolean flushed = true;

    private SseStream(AsyncContext async, ServletOutputStream out, Runnable onEnd) {
        this.async = async;
        this.out = out;
        this.onEnd = onEnd;
    }

    /** Takes the request out of the container's hands; {@code onEnd} runs once, however the stream ends. */
    static SseStream open(HttpServletRequest request, HttpServletResponse response, Runnable onEnd) throws IOException {
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        SseStream stream = new SseStream(async, response.getOutputStream(), onEnd);
        async.addListener(stream);
        stream.out.setWriteListener(stream);
        return stream;
    }

    void send(SseFrame frame) {
        if (ended.get() || (frame == SseFrame.HEARTBEAT && waitingCount.get() > 0)) {
            return;
        }
        if (waitingCount.incrementAndGet() > BEHIND) {
            end();
            return;
        }
        waiting.add(frame.bytes());
        drain();
    }

    /** Ends the stream after what the socket has already taken. */
    void end() {
        if (ended.compareAndSet(false, true)) {
            waiting.clear();
            complete();
            onEnd.run();
        }
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyComplete) {
            // completed before (by this stream or by the container)
        }
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    private void drain() {
        if (pendingDrains.getAndIncrement() != 0) {
            return; // the thread writing now goes round once more for this one
        }
        do {
            try {
                writeWhatTheSocketTakes();
            } catch (IOException | IllegalStateException clientGone) {
                end();
            }
        } while (pendingDrains.decrementAndGet() != 0);
    }

    private void writeWhatTheSocketTakes() throws IOException {
        while (!ended.get() && out.isReady()) {
            byte[] next = waiting.poll();
            if (next != null) {
                waitingCount.decrementAndGet();
                out.write(next);
                flushed = false;
            } else if (!flushed) {
                out.flush();
                flushed = true;
            } else {
                return;
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    /** A client gone: unless a listener completes the request now, the container dispatches it to an error page. */
    @Override
    public void onError(AsyncEvent event) {
        end();
        complete();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not started again
    }
}
