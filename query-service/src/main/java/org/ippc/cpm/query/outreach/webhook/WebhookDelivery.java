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
 * in order from its cursor, moving the cursor after each answered 2xx. A node killed mid-stream stops renewing its
 * lease; another node takes the subscription over from the cursor, so an event is delivered once or, if the node died
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
        for (TrackedEventMessage<?> event : batch) {
            if (!subscriptions.lease(id, node, Instant.now(), Instant.now().plus(settings.lease()))) {
                return;
            }
            long position = position(previous, event.trackingToken());
            if (wanted(stored.view(), event) && !post(stored, event, position)) {
                return;
            }
            previous = event.trackingToken();
            if (!subscriptions.advance(id, node, event.trackingToken())) {
                return;
            }
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

    private boolean post(WebhookSubscriptions.Stored stored, TrackedEventMessage<?> event, long position) {
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
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(subscription.url()))
                                .timeout(settings.timeout())
                                .header("Content-Type", "application/cloudevents+json")
                                .header("webhook-id", event.getIdentifier())
                                .header("webhook-timestamp", Long.toString(timestamp))
                                .header("webhook-signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
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
        int attempt = subscription.failures() + 1;
        subscriptions.recordDelivery(
                subscription.id(),
                new Delivery(
                        0,
                        event.getIdentifier(),
                        position,
                        event.getPayloadType().getSimpleName(),
                        attempt,
                        delivered ? "DELIVERED" : "FAILED",
                        status,
                        answer,
                        Duration.between(started, Instant.now()).toMillis(),
                        started));
        if (!delivered) {
            String why = status != null ? "HTTP " + status : answer;
            if (subscription.failures() >= settings.retrySchedule().size()) {
                log.warn(
                        "Webhook subscription {} paused after {} failed attempts: {}", subscription.id(), attempt, why);
                subscriptions.pause(
                        subscription.id(),
                        attempt,
                        "%d attempts failed over the retry schedule; the last: %s".formatted(attempt, why));
            } else {
                subscriptions.failed(
                        subscription.id(),
                        attempt,
                        Instant.now().plus(settings.retrySchedule().get(subscription.failures())));
            }
        }
        return delivered;
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
