package org.ippc.cpm.query;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ippc.cpm.command.HttpApi;

/**
 * Thousands of live-board subscribers read by one selector thread: what a crowd of browsers on other machines costs
 * the engine, without a thread and a JSON parser per subscriber in the engine's JVM. It only notes when each stream
 * receives its n-th {@code programme} event (the byte pattern {@code event:programme}, found across reads and chunk
 * boundaries of the same connection).
 */
public final class SseFleet implements AutoCloseable {

    private static final byte[] SNAPSHOT = "event:snapshot".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROGRAMME = "event:programme".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<Stream> streams = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    public SseFleet(int port, String path, String user, int subscribers) throws IOException {
        selector = Selector.open();
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                        + HttpApi.basic(user, user) + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < subscribers; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            Stream stream = new Stream();
            streams.add(stream);
            channel.register(selector, SelectionKey.OP_READ, stream);
        }
        reader = new Thread(this::read, "sse-fleet");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until every stream has its snapshot; false after the timeout. */
    public boolean awaitSnapshots(Duration timeout) throws InterruptedException {
        return await(() -> streams.stream().allMatch(s -> s.snapshotSeen), timeout);
    }

    /**
     * The receive instants (System.nanoTime) of every stream's {@code n}-th programme event (1-based), waiting up to
     * the timeout; a stream that has not received it by then has {@code 0}.
     */
    public long[] receivedAt(int n, Duration timeout) throws InterruptedException {
        await(() -> streams.stream().allMatch(s -> s.programmes.size() >= n), timeout);
        long[] at = new long[streams.size()];
        for (int i = 0; i < at.length; i++) {
            Stream stream = streams.get(i);
            synchronized (stream) {
                at[i] = stream.programmes.size() >= n ? stream.programmes.get(n - 1) : 0;
            }
        }
        return at;
    }

    private static boolean await(java.util.function.BooleanSupplier done, Duration timeout)
            throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        byte[] bytes = new byte[buffer.capacity()];
        try {
            while (!closed) {
                selector.select(100);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    buffer.clear();
                    int read = channel.read(buffer);
                    if (read < 0) {
                        key.cancel();
                        continue;
                    }
                    buffer.flip();
                    buffer.get(bytes, 0, read);
                    ((Stream) key.attachment()).scan(bytes, read, now);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closed) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        reader.join(2000);
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** One connection: the tail of the last read (a pattern may be split across reads) and what it has seen. */
    private static final class Stream {
        private final byte[] tail = new byte[PROGRAMME.length - 1];
        private int tailLength;
        private volatile boolean snapshotSeen;
        private final List<Long> programmes = java.util.Collections.synchronizedList(new ArrayList<>());

        void scan(byte[] bytes, int length, long now) {
            byte[] text = new byte[tailLength + length];
            System.arraycopy(tail, 0, text, 0, tailLength);
            System.arraycopy(bytes, 0, text, tailLength, length);
            snapshotSeen |= count(text, SNAPSHOT) > 0;
            long programmesFound = count(text, PROGRAMME);
            synchronized (this) {
                for (long i = 0; i < programmesFound; i++) {
                    programmes.add(now);
                }
            }
            tailLength = Math.min(tail.length, text.length);
            System.arraycopy(text, text.length - tailLength, tail, 0, tailLength);
        }

        private static long count(byte[] text, byte[] pattern) {
            long found = 0;
            for (int i = 0; i + pattern.length <= text.length; i++) {
                if (text[i] == pattern[0] && Arrays.equals(text, i, i + pattern.length, pattern, 0, pattern.length)) {
                    found++;
                    i += pattern.length - 1;
                }
            }
            return found;
        }
    }
}
