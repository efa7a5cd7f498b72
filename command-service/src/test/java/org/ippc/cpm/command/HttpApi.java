package org.ippc.cpm.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ippc.cpm.domain.shared.CpmJson;

/** A plain HTTP client for the command API, as any other client would talk to it. */
public final class HttpApi {

    public static final ObjectMapper JSON = CpmJson.objectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(
            int status, String contentType, String etag, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

        public boolean isProblem() {
            return contentType != null
                    && contentType.startsWith("application/problem+json")
                    && body != null
                    && body.has("status")
                    && body.has("title");
        }

        public String rule() {
            return body == null || !body.has("rule") ? null : body.get("rule").asText();
        }
    }

    public Answer post(String user, String command, Object body, Map<String, String> headers) {
        return postTo(user, "/api/commands/" + command, body, headers);
    }

    public Answer postTo(String user, String path, Object body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = body instanceof byte[] raw
                    ? raw
                    : body instanceof String text
                            ? text.getBytes(StandardCharsets.UTF_8)
                            : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        headers.forEach(request::header);
        return send(request.build(), bytes);
    }

    public Answer post(String user, String command, Object body) {
        return post(user, command, body, Map.of());
    }

    public Answer get(String user, String path) {
        return withoutBody(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer deleteFrom(String user, String path) {
        return withoutBody(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Answer withoutBody(String user, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        return send(request.build());
    }

    /** Sends the requests at the same instant, a thread each; the answers in the order of the requests. */
    public static List<Answer> together(List<Callable<Answer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Answer send(HttpRequest request) {
        return send(request, null);
    }

    /** Sends the request (its body, if any, as {@code body}) and checks the exchange against the OpenAPI document. */
    public Answer send(HttpRequest request, byte[] sent) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiConformance.check(request, sent, response);
            String type = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode body = null;
            if (type != null && type.contains("json") && !response.body().isEmpty()) {
                body = JSON.readTree(response.body());
            }
            return new Answer(
                    response.statusCode(),
                    type,
                    response.headers().firstValue("ETag").orElse(null),
                    body,
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
