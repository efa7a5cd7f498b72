package org.ippc.cpm.query.audit;

import java.util.List;

/**
 * The result of walking the event store: how many events were checked, the first broken link (in global order) and
 * every break found, and a root hash over the heads of all chains that an auditor can record elsewhere.
 */
public record ChainVerification(
        boolean intact,
        long eventsChecked,
        long aggregatesChecked,
        Break firstBroken,
        List<Break> broken,
        String rootHash) {

    public record Break(Long globalIndex, String eventId, String aggregateId, Long sequenceNumber, String problem) {}
}
