package org.ippc.cpm.query.outreach.webhook;

import java.time.Instant;
import java.util.List;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * A webhook subscription as the API shows it (never its secret).
 *
 * @param eventTypes   the event types delivered (empty: every type)
 * @param programmeId  only the events of this programme, if given
 * @param status       ACTIVE, or PAUSED after failing for longer than the retry schedule (then {@code pausedReason})
 * @param position     the global position of the last event handled (delivered or filtered out); -1 before the first
 * @param failures     deliveries failed in a row; the next attempt waits by the schedule
 */
public record Subscription(
        String id,
        String url,
        List<String> eventTypes,
        @Nullable String programmeId,
        String status,
        @Nullable String pausedReason,
        long position,
        int failures,
        Instant nextAttemptAt,
        boolean secretRotating,
        String createdBy,
        Instant createdAt) {}
