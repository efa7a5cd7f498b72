package org.ippc.cpm.query.papers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import org.ippc.cpm.query.audit.Checkpoint;

/**
 * The record a paper was made from: how many events, when the last was recorded, and the fingerprint of the heads of
 * every hash chain: SHA-256 of one line {@code <aggregate id> <sequence number> <hash>} per chain, in the order of the
 * aggregate ids, each ending in a line feed. An auditor computes it from a checkpoint ({@code GET
 * /api/audit/checkpoint}) and compares; the same record always gives the same fingerprint.
 */
public record Provenance(long events, Instant lastRecordedAt, String fingerprint) {

    public static String fingerprint(Checkpoint checkpoint) {
        StringBuilder lines = new StringBuilder();
        checkpoint.heads().stream()
                .sorted(Comparator.comparing(Checkpoint.ChainHead::aggregateId))
                .forEach(head -> lines.append(head.aggregateId())
                        .append(' ')
                        .append(head.sequenceNumber())
                        .append(' ')
                        .append(head.hash())
                        .append('\n'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
