package org.ippc.cpm.query.outreach;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * An e-mail of the outbox as the Secretariat sees it.
 *
 * @param status WAITING (to be sent at {@code sendAfter}), SENT, FAILED (rejected, or out of attempts: see
 *               {@code lastError}) or SKIPPED (about an event older than {@code cpm.outreach.notice-max-age})
 */
public record OutboxEntry(
        long id,
        String kind,
        boolean mandatory,
        String addressee,
        String person,
        String email,
        String language,
        boolean digest,
        String subject,
        String status,
        Instant sendAfter,
        int attempts,
        @Nullable String lastError,
        @Nullable String messageId,
        Instant createdAt,
        @Nullable Instant sentAt) {}
