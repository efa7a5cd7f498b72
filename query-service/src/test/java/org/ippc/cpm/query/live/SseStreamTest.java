package org.ippc.cpm.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SseStreamTest {

    private final Socket socket = new Socket();
    private final AtomicInteger ends = new AtomicInteger();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/live/board");
    private final SseStream stream;

    SseStreamTest() throws Exception {
        request.setAsyncSupported(true);
        stream = SseStream.open(
                request,
                new HttpServletResponseWrapper(new MockHttpServletResponse()) {
                    @Override
                    public ServletOutputStream getOutputStream() {
                        return socket;
                    }
                },
                ends::incrementAndGet);
    }

    @Test
    void frames_are_written_and_flushed_while_the_socket_takes_them() throws Exception {
        socket.ready = true;
        stream.send(frame(1));
        stream.send(frame(2));

        assertThat(socket.taken()).isEqualTo(text(1) + text(2));
        assertThat(socket.flushes).isEqualTo(2);
        assertThat(request.isAsyncStarted()).isTrue();
    }

    @Test
    void frames_wait_while_the_socket_is_full_and_go_in_order_when_it_takes_them_again() throws Exception {
        stream.send(frame(1));
        stream.send(frame(2));
        assertThat(socket.taken()).isEmpty();

        socket.ready = true;
        socket.listener.onWritePossible();

        assertThat(socket.taken()).isEqualTo(text(1) + text(2));
        assertThat(socket.flushes).isEqualTo(1);
    }

    @Test
    void a_stream_with_a_buffer_of_frames_waiting_goes_on_and_one_more_ends_it() throws Exception {
        for (int i = 1; i <= SseStream.BEHIND; i++) {
            stream.send(frame(i));
        }
        assertThat(ends).hasValue(0);
        assertThat(request.isAsyncStarted()).isTrue();

        stream.send(frame(SseStream.BEHIND + 1));

        assertThat(ends).hasValue(1);
        assertThat(request.isAsyncStarted()).as("the request is completed").isFalse();
        socket.ready = true;
        socket.listener.onWritePossible();
        assertThat(socket.taken()).as("nothing is written after the end").isEmpty();
    }

    @Test
    void a_heartbeat_is_not_queued_behind_frames_that_wait() throws Exception {
        stream.send(frame(1));
        for (int i = 0; i < 2 * SseStream.BEHIND; i++) {
            stream.send(SseFrame.HEARTBEAT);
        }
        assertThat(ends).hasValue(0);

        socket.ready = true;
        socket.listener.onWritePossible();
        assertThat(socket.taken()).isEqualTo(text(1));
        stream.send(SseFrame.HEARTBEAT);
        assertThat(socket.taken()).endsWith(":heartbeat\n\n");
    }

    @Test
    void a_client_gone_ends_the_stream_once() throws Exception {
        socket.ready = true;
        socket.gone = true;
        stream.send(frame(1));
        socket.listener.onError(new java.io.IOException("Broken pipe"));
        stream.end();

        assertThat(ends).hasValue(1);
        assertThat(request.isAsyncStarted()).isFalse();
    }

    private static SseFrame frame(int id) {
        return SseFrame.event("programme", id, "{\"seq\":" + id + "}");
    }

    private static String text(int id) {
        return new String(frame(id).bytes(), StandardCharsets.UTF_8);
    }

    /** A client's socket as the container shows it: it takes bytes only while ready. */
    private static final class Socket extends ServletOutputStream {
        private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        volatile boolean ready;
        volatile boolean gone;
        WriteListener listener;
        int flushes;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            if (!ready) {
                throw new IllegalStateException("written while not ready");
            }
            if (gone) {
                throw new java.io.IOException("Broken pipe");
            }
            taken.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String taken() {
            return taken.toString(StandardCharsets.UTF_8);
        }
    }
}
