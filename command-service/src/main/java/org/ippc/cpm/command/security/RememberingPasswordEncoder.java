package org.ippc.cpm.command.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks each distinct password against its hash once, then remembers that the pair matched: an HTTP Basic client
 * sends the same password with every request, and BCrypt on every request held the embedded profile to under a
 * third of the JWT path's rate. Only matches are remembered, as a SHA-256 of the password and its hash together
 * (never the password), for at most {@code maxPairs} pairs and {@code forgetAfter} each; a wrong password always pays
 * the full hash (and the sign-in throttle). A changed password has a new hash, so an old match never stands for it.
 * A SHA-256 is quicker to guess against than BCrypt for someone who can read the heap, which is why this guards the
 * demo users (whose passwords are public) and nothing else.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> matched;

    RememberingPasswordEncoder(PasswordEncoder delegate, int maxPairs, Duration forgetAfter) {
        this.delegate = delegate;
        this.matched = Caffeine.newBuilder()
                .maximumSize(maxPairs)
                .expireAfterWrite(forgetAfter)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String pair = digest(rawPassword, encodedPassword);
        if (matched.getIfPresent(pair) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(pair, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String digest(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** How many matched pairs are remembered now. */
    long remembered() {
        matched.cleanUp();
        return matched.estimatedSize();
    }
}
