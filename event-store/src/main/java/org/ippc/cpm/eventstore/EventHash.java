package org.ippc.cpm.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 link of one stored event: every column Axon stores for it, length-prefixed, after the hash of the
 * aggregate's previous event. Appending and verifying both call this, on the same stored values.
 */
public final class EventHash {

    public static final String GENESIS = "0".repeat(64);

    private EventHash() {}

    public static String of(String previousHash, StoredEvent event) {
        MessageDigest digest = sha256();
        for (String text : new String[] {
            previousHash,
            event.eventId(),
            event.aggregateId(),
            Long.toString(event.sequenceNumber()),
            event.aggregateType(),
            event.timestamp(),
            event.payloadType(),
            event.payloadRevision()
        }) {
            field(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        field(digest, event.payload());
        field(digest, event.metadata());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex (e.g. the fingerprint of a request body). */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
