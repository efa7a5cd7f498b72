package org.ippc.cpm.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ippc.cpm.command.HttpApi;

/** A real HTTP Server-Sent Events client: reads the stream line by line on its own thread, as a browser would. */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, JsonNode data, long receivedNanos) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    public final int status;
    public final String contentType;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SseClient(int port, String path, String user, String lastEventId) throws Exception {
        this(HttpApi.basic(user, user), port, path, lastEventId);
    }

    /** A stream opened with a bearer token. */
    public static SseClient bearer(int port, String path, String token, String lastEventId) throws Exception {
        return new SseClient("Bearer " + token, port, path, lastEventId);
    }

    private SseClient(String authorization, int port, String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        body = response.body();
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, id, HttpApi.JSON.readTree(data.toString()), System.nanoTime()));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    /** The next event named {@code name}, skipping others, or null after the timeout. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = until - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean ended(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
