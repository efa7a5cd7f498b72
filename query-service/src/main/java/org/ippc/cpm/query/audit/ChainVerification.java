package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * The result of walking the event store: how many events were checked, the first broken link (in global order) and
 * every break found, and a root hash over the heads of all chains that an auditor can record elsewhere.
 */
public record ChainVerification(
        boolean intact,
        long eventsChecked,
        long aggregatesChecked,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) ChainBreak firstBroken,
        List<ChainBreak> broken,
        String rootHash) {

    public record ChainBreak(
            @Nullable Long globalIndex,
            String eventId,
            String aggregateId,
            @Nullable Long sequenceNumber,
            String problem) {}
}
