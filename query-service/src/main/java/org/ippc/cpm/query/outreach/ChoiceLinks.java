package org.ippc.cpm.query.outreach;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The signed links in e-mails that let a contact point change its choices without signing in: the addressee and
 * the person, and an HMAC-SHA256 of them under {@code cpm.outreach.link-key}. A link names one person; it cannot be
 * made for another without the key.
 */
@Component
public class ChoiceLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final String baseUrl;

    ChoiceLinks(OutreachProperties settings) {
        this.key = settings.linkKey().getBytes(StandardCharsets.UTF_8);
        this.baseUrl = settings.baseUrl();
    }

    /** The page where the person chooses. */
    public String pageFor(String addressee, String person) {
        return baseUrl + "/outreach/choices?token=" + token(addressee, person);
    }

    /** RFC 8058's one-click unsubscribe target (a POST), for the List-Unsubscribe header. */
    public String oneClickFor(String addressee, String person) {
        return baseUrl + "/outreach/choices/unsubscribe?token=" + token(addressee, person);
    }

    public String token(String addressee, String person) {
        byte[] payload = (addressee + "\n" + person).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The addressee and person a token names, if its signature holds. */
    public Optional<Named> read(String token) {
        try {
            String[] parts = token == null ? new String[0] : token.split("\\.", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            byte[] payload = DECODE.decode(parts[0]);
            if (!MessageDigest.isEqual(mac(payload), DECODE.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] named = new String(payload, StandardCharsets.UTF_8).split("\n", 2);
            return named.length == 2 ? Optional.of(new Named(named[0], named[1])) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Named(String addressee, String person) {}
}
