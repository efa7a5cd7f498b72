package org.ippc.cpm.query.outreach.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ippc.cpm.domain.shared.AboutProgramme;
import org.ippc.cpm.platform.DatabaseUnavailable;
import org.ippc.cpm.query.outreach.OutreachProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the events to the subscriptions, from every node: each node looks for due subscriptions four times a
 * second, takes one with a lease in the database (so one node delivers a subscription at a time) and posts its events
 * in order from its cursor, moving the cursor after each answered 2xx in the transaction that records the delivery.
 * A node killed mid-stream stops renewing its lease; another node takes the subscription over from the cursor, so an event is delivered once or, if the node died
 * between the receiver's answer and the cursor's move, twice with the same {@code webhook-id}. A failed delivery waits
 * by {@code cpm.webhooks.retry-schedule} (Standard Webhooks': about 28 h in all), then the subscription is paused,
 * saying why.
 */
@Component
class WebhookDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** The lease owner's name: the process id first, for an operator (and a test) to tell which node delivers. */
    private final String node = ProcessHandle.current().pid() + "-" + UUID.randomUUID();

    private final WebhookSubscriptions subscriptions;
    private final EventStorageEngine events;
    private final WebhookProperties settings;
    private final String source;
    private final HttpClient http;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Counter failed;

    WebhookDelivery(
            WebhookSubscriptions subscriptions,
            EventStorageEngine events,
            WebhookProperties settings,
            OutreachProperties outreach,
            MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.settings = settings;
        this.source = outreach.baseUrl();
        this.delivered = meters.counter("cpm.webhooks.deliveries", "outcome", "delivered");
        this.failed = meters.counter("cpm.webhooks.deliveries", "outcome", "failed");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    @Scheduled(fixedDelayString = "${cpm.webhooks.poll-interval:250ms}")
    void deliverDue() {
        List<String> due;
        try {
            due = subscriptions.due(node, Instant.now());
        } catch (RuntimeException failure) {
            if (DatabaseUnavailable.causes(failure)) {
                return;
            }
            throw failure;
        }
        for (String id : due) {
            if (running.add(id)) {
                if (subscriptions.lease(id, node, Instant.now(), Instant.now().plus(settings.lease()))) {
                    workers.execute(() -> {
                        try {
                            deliver(id);
                        } catch (RuntimeException failure) {
                            log.warn("Webhook subscription {}: {}", id, DatabaseUnavailable.describe(failure));
                        } finally {
                            subscriptions.release(id, node);
                            running.remove(id);
                        }
                    });
                } else {
                    running.remove(id);
                }
            }
        }
    }

    /** Delivers up to a batch of the subscription's next events, stopping at the first failure. */
    void deliver(String id) {
        WebhookSubscriptions.Stored stored = subscriptions.find(id).orElse(null);
        if (stored == null || !"ACTIVE".equals(stored.view().status())) {
            return;
        }
        List<? extends TrackedEventMessage<?>> batch;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(stored.cursor(), false)) {
            batch = stream.limit(settings.batch()).toList();
        }
        TrackingToken previous = stored.cursor();
        TrackingToken passed = null;
        int failures = stored.view().failures();
        Instant leased = Instant.now();
        for (TrackedEventMessage<?> event : batch) {
            if (Duration.between(leased, Instant.now())
                            .compareTo(settings.lease().dividedBy(3))
                    > 0) {
                if (!subscriptions.lease(id, node, Instant.now(), Instant.now().plus(settings.lease()))) {
                    return;
                }
                leased = Instant.now();
            }
            long position = position(previous, event.trackingToken());
            previous = event.trackingToken();
            if (!wanted(stored.view(), event)) {
                passed = event.trackingToken();
                continue;
            }
            Delivery attempt = post(stored, event, position, failures + 1);
            if (!"DELIVERED".equals(attempt.outcome())) {
                if (passed != null) {
                    subscriptions.advance(id, node, passed);
                }
                failed(id, failures, attempt);
                return;
            }
            failures = 0;
            // The attempt and the cursor's move commit together: one commit an event.
            if (!subscriptions.delivered(id, node, event.trackingToken(), attempt)) {
                return;
            }
            passed = null;
        }
        if (passed != null) {
            subscriptions.advance(id, node, passed);
        }
    }

    private static boolean wanted(Subscription subscription, TrackedEventMessage<?> event) {
        if (!subscription.eventTypes().isEmpty()
                && !subscription.eventTypes().contains(event.getPayloadType().getSimpleName())) {
            return false;
        }
        return subscription.programmeId() == null
                || event.getPayload() instanceof AboutProgramme about
                        && about.programmeId().value().equals(subscription.programmeId());
    }

    /** One attempt to post the event; what happened, as the deliveries list shows it. */
    private Delivery post(
            WebhookSubscriptions.Stored stored, TrackedEventMessage<?> event, long position, int attempt) {
        Subscription subscription = stored.view();
        String body = CloudEvents.envelope(event, position, source);
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(stored.secret(), event.getIdentifier(), timestamp, body);
        if (stored.previousSecret() != null) {
            signature += " " + WebhookSignature.sign(stored.previousSecret(), event.getIdentifier(), timestamp, body);
        }
        Instant started = Instant.now();
        Integer status = null;
        String answer;
        Optional<String> refused = WebhookTargets.refusal(subscription.url(), settings.allowPrivateTargets());
        if (refused.isPresent()) {
            answer = "not sent: " + refused.get();
        } else {
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/cloudevents+json")
                    .header("webhook-id", event.getIdentifier())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException brokenConnection) {
                    if (brokenConnection instanceof java.net.http.HttpTimeoutException) {
                        throw brokenConnection;
                    }
                    // A kept-alive connection the receiver had closed (an HTTP/1.0 server that does not say so):
                    // once more on a new one; the same webhook-id lets the receiver drop a second copy.
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                }
                status = response.statusCode();
                answer = abbreviate(response.body());
            } catch (IOException failure) {
                answer = "no answer: " + failure;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                answer = "interrupted";
            }
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        (delivered ? this.delivered : failed).increment();
        return new Delivery(
                0,
                event.getIdentifier(),
                position,
                event.getPayloadType().getSimpleName(),
                attempt,
                delivered ? "DELIVERED" : "FAILED",
                status,
                answer,
                Duration.between(started, Instant.now()).toMillis(),
                started);
    }

    /** Records a failed attempt; the next waits by the retry schedule, and once it is spent the subscription pauses. */
    private void failed(String id, int failuresBefore, Delivery attempt) {
        subscriptions.recordDelivery(id, attempt);
        String why = attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus() : attempt.answer();
        if (failuresBefore >= settings.retrySchedule().size()) {
            log.warn("Webhook subscription {} paused after {} failed attempts: {}", id, attempt.attempt(), why);
            subscriptions.pause(
                    id,
                    attempt.attempt(),
                    "%d attempts failed over the retry schedule; the last: %s".formatted(attempt.attempt(), why));
        } else {
            subscriptions.failed(
                    id,
                    attempt.attempt(),
                    Instant.now().plus(settings.retrySchedule().get(failuresBefore)));
        }
    }

    /**
     * An event's own global position: the index its token moved to, or, for an event that committed late and filled
     * a gap, the gap it filled.
     */
    static long position(TrackingToken before, TrackingToken after) {
        GapAwareTrackingToken next = (GapAwareTrackingToken) after;
        if (before instanceof GapAwareTrackingToken previous && next.getIndex() <= previous.getIndex()) {
            return previous.getGaps().stream()
                    .filter(gap -> !next.getGaps().contains(gap))
                    .findFirst()
                    .orElse(next.getIndex());
        }
        return next.getIndex();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
