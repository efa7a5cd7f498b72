package org.ippc.cpm.query.board;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/** An expert appointed to a programme (D1); {@code releasedAt} once released. */
public record ExpertRow(
        String expertId,
        String name,
        String expertise,
        Instant appointedAt,
        @Nullable Instant releasedAt) {}
