package org.ippc.cpm.query.papers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import org.ippc.cpm.query.audit.Checkpoint;

/**
 * The fingerprint of the record a paper was made from: SHA-256 of one line {@code <aggregate id> <sequence number>
 * <hash>} per hash chain, in the order of the aggregate ids, each ending in a line feed. An auditor computes it from a
 * checkpoint ({@code GET /api/audit/checkpoint}) and compares; the same record always gives the same fingerprint.
 */
final class RecordFingerprint {

    private RecordFingerprint() {}

    static String of(Checkpoint checkpoint) {
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
