package org.ippc.cpm.command;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Every request and answer of the HTTP tests, checked against the OpenAPI document the engine serves (Atlassian's
 * swagger-request-validator): the answer must match the document exactly; a request the document refuses must be
 * refused by the engine (4xx), and a body the document accepts must not be refused as malformed (400).
 */
public final class OpenApiConformance {

    private static final Map<String, OpenApiInteractionValidator> DOCUMENTS = new ConcurrentHashMap<>();
    private static final AtomicLong CHECKED = new AtomicLong();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> System.out.println(
                        "OpenAPI conformance: " + CHECKED.get() + " exchanges checked against the served document")));
    }

    private OpenApiConformance() {}

    /** Fails on the first difference between the exchange and the document of the engine that answered it. */
    public static void check(HttpRequest request, byte[] body, HttpResponse<String> response) {
        URI uri = request.uri();
        if (!uri.getPath().startsWith("/api/")) {
            return;
        }
        OpenApiInteractionValidator document =
                DOCUMENTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), OpenApiConformance::documentOf);
        ValidationReport report = document.validate(request(request, body), response(response));
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .toList();
        List<ValidationReport.Message> ofRequest = errors.stream()
                .filter(message -> message.getKey().startsWith("validation.request"))
                .toList();
        List<ValidationReport.Message> ofResponse = errors.stream()
                .filter(message -> !message.getKey().startsWith("validation.request"))
                .toList();
        int status = response.statusCode();
        String exchange = request.method() + " " + uri + " -> " + status + " " + response.body();
        if (!ofResponse.isEmpty()) {
            throw new AssertionError(
                    "The answer differs from the OpenAPI document: " + describe(ofResponse) + "\n" + exchange);
        }
        if (!ofRequest.isEmpty() && (status < 400 || status >= 500)) {
            throw new AssertionError("The engine accepted a request its OpenAPI document refuses: "
                    + describe(ofRequest) + "\n" + exchange);
        }
        CHECKED.incrementAndGet();
    }

    /** What the engine's document finds wrong with a request, without sending it. */
    public static List<String> requestFaults(HttpRequest request, byte[] body) {
        URI uri = request.uri();
        return DOCUMENTS
                .computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), OpenApiConformance::documentOf)
                .validateRequest(request(request, body))
                .getMessages()
                .stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static String describe(List<ValidationReport.Message> messages) {
        return messages.stream()
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static OpenApiInteractionValidator documentOf(String base) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + document.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Request request(HttpRequest request, byte[] body) {
        SimpleRequest.Builder built =
                new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
        request.headers().map().forEach(built::withHeader);
        if (body != null && body.length > 0) {
            built.withBody(body);
        }
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                built.withQueryParam(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return built.build();
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        SimpleResponse.Builder built = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(built::withHeader);
        if (!response.body().isEmpty()) {
            built.withBody(response.body());
        }
        return built.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
