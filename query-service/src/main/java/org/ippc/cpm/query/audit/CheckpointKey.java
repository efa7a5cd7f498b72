package org.ippc.cpm.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key that signs checkpoints (HMAC-SHA256), and the id a checkpoint names it by: a fingerprint of the key (an HMAC of
 * a fixed text, so it tells nothing a signature does not), or {@value #DEMO_ID} for the embedded profile's built-in key,
 * which anyone can sign with.
 */
record CheckpointKey(String id, SecretKeySpec secret) {

    /** The key the embedded profile signs with when none is given: anyone can sign with it, so production may not. */
    static final String DEMO = "embedded-demo-checkpoint-key";

    static final String DEMO_ID = "embedded-demo-key";

    static CheckpointKey of(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String id = secret.equals(DEMO)
                ? DEMO_ID
                : "hmac-" + hmac(key, "cpm-checkpoint-key-id").substring(0, 16);
        return new CheckpointKey(id, key);
    }

    String sign(String text) {
        return hmac(secret, text);
    }

    private static String hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
