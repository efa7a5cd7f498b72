package org.ippc.cpm.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ippc.cpm.platform.LogSafe;
import org.ippc.cpm.platform.Problems;
import org.ippc.cpm.platform.WithDemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins of the demo users (HTTP Basic and the dashboard's password sign-in), counted per user and address
 * in the database (so that every node sees them): after {@code cpm.security.sign-in.max-failures} failures within
 * {@code lockout}, that user from that address is refused until the lockout has passed since the first of them,
 * whatever the password. A success clears the count.
 * Each failure is logged with the user and the address, never the password.
 */
@Component
@WithDemoUsers
public class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger("cpm.security");

    private final JdbcTemplate jdbc;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock = Clock.systemUTC();
    private static final Duration DATABASE_AWAY = Duration.ofSeconds(5);
    private volatile Instant databaseAwayUntil = Instant.MIN;

    SignInThrottle(
            JdbcTemplate jdbc,
            @Value("${cpm.security.sign-in.max-failures:5}") int maxFailures,
            @Value("${cpm.security.sign-in.lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** The failures on record for {@code user} from {@code address}, if any: how many, and how long they still refuse it. */
    public Optional<Failures> failures(String user, String address) {
        if (clock.instant().isBefore(databaseAwayUntil)) {
            return Optional.empty();
        }
        try {
            return readFailures(user, address);
        } catch (DataAccessException unavailable) {
            // Without the database nothing can be done anyway: the request goes on and gets the engine's 503. For a few
            // seconds this node does not ask again, so that requests wait for the pool once (in the command), not
            // twice.
            databaseAwayUntil = clock.instant().plus(DATABASE_AWAY);
            return Optional.empty();
        }
    }

    private Optional<Failures> readFailures(String user, String address) {
        return jdbc
                .query(
                        "SELECT failures, window_start FROM sign_in_failure WHERE username = ? AND address = ?",
                        (rs, row) -> {
                            Duration left = Duration.between(
                                    clock.instant(),
                                    rs.getTimestamp(2).toInstant().plus(lockout));
                            boolean refused = rs.getInt(1) >= maxFailures && !left.isNegative() && !left.isZero();
                            return new Failures(rs.getInt(1), refused ? Optional.of(left) : Optional.<Duration>empty());
                        },
                        user,
                        address)
                .stream()
                .findFirst();
    }

    public record Failures(int count, Optional<Duration> refusedFor) {}

    public void succeeded(String user, String address) {
        try {
            jdbc.update("DELETE FROM sign_in_failure WHERE username = ? AND address = ?", user, address);
        } catch (DataAccessException unavailable) {
            LOG.warn(
                    "Could not clear the failed sign-ins of '{}' from {}: {}",
                    user,
                    address,
                    unavailable.getMostSpecificCause().getMessage());
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        try {
            count(event);
        } catch (DataAccessException unavailable) {
            LOG.warn(
                    "Sign-in failed for user '{}' (not counted: {})",
                    LogSafe.of(event.getAuthentication().getName()),
                    unavailable.getMostSpecificCause().getMessage());
        }
    }

    private void count(AuthenticationFailureBadCredentialsEvent event) {
        String user = user(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress()
                : "unknown";
        Instant now = clock.instant();
        Timestamp windowOpen = Timestamp.from(now.minus(lockout));
        jdbc.update("DELETE FROM sign_in_failure WHERE window_start < ?", windowOpen);
        if (count(user, address, now, windowOpen) == 0) {
            try {
                jdbc.update(
                        "INSERT INTO sign_in_failure (username, address, failures, window_start) VALUES (?, ?, 1, ?)",
                        user,
                        address,
                        Timestamp.from(now));
            } catch (DuplicateKeyException another) {
                count(user, address, now, windowOpen);
            }
        }
        Integer failures = jdbc.queryForObject(
                "SELECT MAX(failures) FROM sign_in_failure WHERE username = ? AND address = ?",
                Integer.class,
                user,
                address);
        LOG.warn(
                "Sign-in failed for user '{}' from {} ({} in a row{})",
                user,
                address,
                failures,
                failures != null && failures >= maxFailures ? "; refused for " + lockout.toMinutes() + " min" : "");
    }

    private int count(String user, String address, Instant now, Timestamp windowOpen) {
        return jdbc.update("""
                UPDATE sign_in_failure SET failures = failures + 1 WHERE username = ? AND address = ? AND window_start >= ?""", user, address, windowOpen);
    }

    /**
     * The user a sign-in names, as the embedded user store matches it ({@code InMemoryUserDetailsManager} ignores
     * case): "CPM" and "cpm" are one user, with one count of failures.
     */
    public static String user(String name) {
        return LogSafe.of(name).toLowerCase();
    }

    /** The 429 for a user throttled at this address, with how long the refusal lasts. */
    public static void refuse(
            Duration refusedFor, HttpServletRequest request, HttpServletResponse response, Problems problems)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refusedFor.toSeconds())));
        problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins",
                "Sign-in for this user from this address is refused for a while after repeated wrong passwords",
                null);
    }
}
