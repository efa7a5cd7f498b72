package org.ippc.cpm.query.outreach.webhook;

import java.util.List;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * What a subscriber asks for.
 *
 * @param eventTypes  event types to deliver, e.g. {@code PrioritySelected} (none: every type)
 * @param programmeId only this programme's events
 * @param secret      a Standard Webhooks secret ({@code whsec_} + base64); the engine makes one if none is given
 * @param startAt     NOW (the default): events recorded from now on; BEGINNING: every event of the store first
 */
public record NewSubscription(
        String url,
        @Nullable List<String> eventTypes,
        @Nullable String programmeId,
        @Nullable String secret,
        @Nullable StartAt startAt) {

    public enum StartAt {
        NOW,
        BEGINNING
    }
}
