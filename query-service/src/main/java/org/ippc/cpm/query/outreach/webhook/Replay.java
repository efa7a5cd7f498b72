package org.ippc.cpm.query.outreach.webhook;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Nullable;

/** Where deliveries start again: at a global position (inclusive), or at the first event recorded at or after an instant; one of the two. */
public record Replay(@Nullable Long fromPosition, @Nullable Instant fromInstant) {}
