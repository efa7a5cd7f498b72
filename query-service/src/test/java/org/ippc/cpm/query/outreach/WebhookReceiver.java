package org.ippc.cpm.query.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a real HTTP server, as a subscriber would write one from the Standard Webhooks specification
 * (not from the engine's code): it checks the signature over {@code id.timestamp.body} with the secret, accepting any
 * of the space-separated {@code v1,} signatures, and the timestamp's tolerance. {@code answer} gives the status of the
 * n-th request (0-based); {@code delayMillis} makes it slow.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(
            String webhookId, long timestamp, String signatures, JsonNode envelope, boolean signatureValid) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String secret;

    public WebhookReceiver(IntUnaryOperator answer, IntUnaryOperator delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            int n = requests.getAndIncrement();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis.applyAsInt(n));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = answer.applyAsInt(n);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (status >= 200 && status < 300) {
                String text = new String(body, StandardCharsets.UTF_8);
                received.add(new Received(
                        id,
                        Long.parseLong(timestamp),
                        signatures,
                        JSON.readTree(text),
                        verify(id, timestamp, text, signatures)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public void expectSecret(String secret) {
        this.secret = secret;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int requests() {
        return requests.get();
    }

    private boolean verify(String id, String timestamp, String body, String header) {
        try {
            long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
            if (age > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.split("_", 2)[1]), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : header.split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception invalid) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
