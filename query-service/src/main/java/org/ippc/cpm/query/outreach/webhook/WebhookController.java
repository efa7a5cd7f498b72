package org.ippc.cpm.query.outreach.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ippc.cpm.query.BadQuery;
import org.ippc.cpm.query.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions (Standard Webhooks, CloudEvents): made, listed, replayed and resumed by the Secretariat or an auditor. */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Signed CloudEvents posted to subscribers (SECRETARIAT, AUDITOR)")
class WebhookController {

    private final WebhookSubscriptions subscriptions;
    private final EventStorageEngine events;
    private final WebhookProperties settings;

    WebhookController(WebhookSubscriptions subscriptions, EventStorageEngine events, WebhookProperties settings) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.settings = settings;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribes a URL to events (all, some types, or one programme's); the secret is shown once")
    SubscriptionCreated create(@RequestBody NewSubscription request, Principal principal) {
        if (request.url() == null) {
            throw new BadQuery("url is required");
        }
        WebhookTargets.refusal(request.url(), settings.allowPrivateTargets()).ifPresent(refusal -> {
            throw new BadQuery(refusal);
        });
        List<String> types = request.eventTypes() == null ? List.of() : request.eventTypes();
        types.stream()
                .filter(type -> !CloudEvents.EVENT_TYPES.contains(type))
                .findFirst()
                .ifPresent(unknown -> {
                    throw new BadQuery("eventTypes: " + unknown + " is not one of " + CloudEvents.EVENT_TYPES);
                });
        if (request.secret() != null && !WebhookSignature.isSecret(request.secret())) {
            throw new BadQuery("secret must be whsec_ and 24 to 64 bytes in base64 (Standard Webhooks)");
        }
        String secret = request.secret() != null ? request.secret() : WebhookSignature.newSecret();
        TrackingToken start = request.startAt() == NewSubscription.StartAt.BEGINNING ? null : events.createHeadToken();
        String id = subscriptions.create(
                request.url(), types, request.programmeId(), secret, start, principal.getName(), Instant.now());
        return new SubscriptionCreated(one(id), secret);
    }

    @GetMapping
    @Operation(operationId = "webhookSubscriptions", summary = "Every subscription with its state and position")
    List<Subscription> all() {
        return subscriptions.all();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "webhookSubscription", summary = "One subscription")
    Subscription one(@PathVariable String id) {
        return subscriptions
                .find(id)
                .orElseThrow(() -> new NotFound("No webhook subscription " + id))
                .view();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhookSubscription", summary = "Ends a subscription and forgets its deliveries")
    void delete(@PathVariable String id) {
        if (!subscriptions.delete(id)) {
            throw new NotFound("No webhook subscription " + id);
        }
    }

    @PostMapping("/{id}/secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "A new secret; deliveries carry both signatures for cpm.webhooks.rotation-overlap (24 h)")
    SubscriptionCreated rotate(@PathVariable String id) {
        one(id);
        String secret = WebhookSignature.newSecret();
        subscriptions.rotate(id, secret, Instant.now().plus(settings.rotationOverlap()));
        return new SubscriptionCreated(one(id), secret);
    }

    @PostMapping(path = "/{id}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "replayWebhookSubscription",
            summary = "Delivers again from a global position or from the first event at or after an instant")
    Subscription replay(@PathVariable String id, @RequestBody Replay replay) {
        one(id);
        if ((replay.fromPosition() == null) == (replay.fromInstant() == null)) {
            throw new BadQuery("give one of fromPosition and fromInstant");
        }
        TrackingToken cursor;
        if (replay.fromPosition() != null) {
            if (replay.fromPosition() < 0) {
                throw new BadQuery("fromPosition must be 0 or more");
            }
            cursor = replay.fromPosition() == 0
                    ? null
                    : GapAwareTrackingToken.newInstance(replay.fromPosition() - 1, List.of());
        } else {
            cursor = events.createTokenAt(replay.fromInstant());
        }
        subscriptions.restart(id, cursor, true, Instant.now());
        return one(id);
    }

    @PostMapping("/{id}/resume")
    @Operation(
            operationId = "resumeWebhookSubscription",
            summary = "Delivers a paused subscription again from its cursor")
    Subscription resume(@PathVariable String id) {
        one(id);
        subscriptions.restart(id, null, false, Instant.now());
        return one(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "webhookDeliveries", summary = "The latest delivery attempts, newest first")
    List<Delivery> deliveries(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        one(id);
        if (limit < 1 || limit > 1000) {
            throw new BadQuery("limit must be 1 to 1000");
        }
        return subscriptions.deliveries(id, limit);
    }
}
