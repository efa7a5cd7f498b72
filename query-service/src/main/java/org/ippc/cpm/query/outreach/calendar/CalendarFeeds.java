package org.ippc.cpm.query.outreach.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ippc.cpm.domain.directory.Addressee;
import org.ippc.cpm.query.BadQuery;
import org.ippc.cpm.query.NotFound;
import org.ippc.cpm.query.outreach.OutreachProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar feeds at secret addresses (SECRETARIAT): the address holds 256 random bits and only their SHA-256 is
 * stored, so the table cannot give a feed away; a revoked feed answers 404.
 */
@RestController
@RequestMapping(path = "/api/calendar-feeds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Calendar feeds",
        description = "iCalendar feeds of sessions and deadlines, per party or body (SECRETARIAT)")
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final String baseUrl;

    CalendarFeeds(DataSource dataSource, OutreachProperties settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.baseUrl = settings.baseUrl();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCalendarFeed", summary = "A new secret feed address for an addressee (shown once)")
    CalendarFeed create(@RequestBody NewCalendarFeed request, Principal principal) {
        String addressee;
        try {
            addressee = new Addressee(request.addressee()).value();
        } catch (IllegalArgumentException invalid) {
            throw new BadQuery(invalid.getMessage());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = "cal_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        jdbc.update(
                "INSERT INTO calendar_feed (id, token_hash, addressee, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                id,
                hash(token),
                addressee,
                principal.getName(),
                Timestamp.from(now));
        return new CalendarFeed(
                id, addressee, baseUrl + "/feeds/calendar/" + token + ".ics", principal.getName(), now, null);
    }

    @GetMapping
    @Operation(operationId = "calendarFeeds", summary = "Every feed made, without its address")
    List<CalendarFeed> all() {
        return jdbc.query(
                "SELECT id, addressee, created_by, created_at, revoked_at FROM calendar_feed ORDER BY created_at, id",
                (rs, i) -> new CalendarFeed(
                        rs.getString(1),
                        rs.getString(2),
                        null,
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revokes a feed: its address answers 404 from now on")
    void revoke(@PathVariable String id) {
        if (jdbc.update(
                        "UPDATE calendar_feed SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                        Timestamp.from(Instant.now()),
                        id)
                == 0) {
            throw new NotFound("No calendar feed " + id + " to revoke");
        }
    }

    /** The addressee of a live feed's token, or null. */
    String addresseeOf(String token) {
        return jdbc
                .queryForList(
                        "SELECT addressee FROM calendar_feed WHERE token_hash = ? AND revoked_at IS NULL",
                        String.class,
                        hash(token))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
