package org.ippc.cpm.query.outreach.calendar;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * A calendar feed of an addressee (a party, an RPPO or a body).
 *
 * @param url       the secret address a calendar program subscribes to: given once, when the feed is made
 * @param revokedAt when it stopped answering, if it did
 */
public record CalendarFeed(
        String id,
        String addressee,
        @Nullable String url,
        String createdBy,
        Instant createdAt,
        @Nullable Instant revokedAt) {}
