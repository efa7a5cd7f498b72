package org.ippc.cpm.query.outreach.webhook;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * One attempt to deliver an event to a subscription.
 *
 * @param outcome    DELIVERED (a 2xx answer) or FAILED
 * @param httpStatus the receiver's status, if it answered
 * @param answer     the start of the receiver's answer, or why no answer came
 */
public record Delivery(
        long id,
        String eventId,
        long position,
        String eventType,
        int attempt,
        String outcome,
        @Nullable Integer httpStatus,
        @Nullable String answer,
        long durationMs,
        Instant attemptedAt) {}
