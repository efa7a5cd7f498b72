package org.ippc.cpm.query.outreach.webhook;

/** The new subscription and its secret, shown this once. */
public record SubscriptionCreated(Subscription subscription, String secret) {}
