package org.ippc.cpm.query.outreach.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The subscriptions table: what each subscriber asked for, its cursor, its state and which node holds it. */
@Component
class WebhookSubscriptions {

    private static final String COLUMNS = """
            id, url, event_types, programme_id, status, paused_reason, cursor_token, failures, next_attempt_at,
            previous_secret_until, created_by, created_at, secret, previous_secret""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    private final TransactionTemplate transaction;

    WebhookSubscriptions(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A subscription with what delivery needs besides what the API shows. */
    record Stored(Subscription view, String secret, String previousSecret, TrackingToken cursor) {}

    String create(
            String url,
            List<String> eventTypes,
            String programmeId,
            String secret,
            TrackingToken cursor,
            String createdBy,
            Instant now) {
        String id = "wh_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "INSERT INTO webhook_subscription (id, url, event_types, programme_id, secret, status, cursor_token,"
                        + " failures, next_attempt_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, 0, ?, ?, ?)",
                id,
                url,
                eventTypes.isEmpty() ? null : String.join(",", eventTypes),
                programmeId,
                secret,
                write(cursor),
                Timestamp.from(now),
                createdBy,
                Timestamp.from(now));
        return id;
    }

    List<Subscription> all() {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at, id", this::stored)
                .stream()
                .map(Stored::view)
                .toList();
    }

    Optional<Stored> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?", this::stored, id).stream()
                .findFirst();
    }

    boolean delete(String id) {
        jdbc.update("DELETE FROM webhook_delivery WHERE subscription_id = ?", id);
        return jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", id) > 0;
    }

    void rotate(String id, String secret, Instant previousUntil) {
        jdbc.update(
                "UPDATE webhook_subscription SET previous_secret = secret, previous_secret_until = ?, secret = ?"
                        + " WHERE id = ?",
                Timestamp.from(previousUntil),
                secret,
                id);
    }

    /** Moves the cursor and makes the subscription deliver again at once (a replay, a resume). */
    void restart(String id, TrackingToken cursor, boolean moveCursor, Instant now) {
        if (moveCursor) {
            jdbc.update("UPDATE webhook_subscription SET cursor_token = ? WHERE id = ?", write(cursor), id);
        }
        jdbc.update(
                "UPDATE webhook_subscription SET status = 'ACTIVE', paused_reason = NULL, failures = 0,"
                        + " next_attempt_at = ? WHERE id = ?",
                Timestamp.from(now),
                id);
    }

    List<Delivery> deliveries(String id, int limit) {
        return jdbc.query(
                "SELECT id, event_id, event_position, event_type, attempt, outcome, http_status, answer, duration_ms,"
                        + " attempted_at FROM webhook_delivery WHERE subscription_id = ? ORDER BY id DESC"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Delivery(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        (Integer) rs.getObject(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getTimestamp(10).toInstant()),
                id);
    }

    /** The active subscriptions due for delivery that no other node holds. */
    List<String> due(String node, Instant now) {
        return jdbc.queryForList(
                "SELECT id FROM webhook_subscription WHERE status = 'ACTIVE' AND next_attempt_at <= ?"
                        + " AND (lease_owner IS NULL OR lease_until < ? OR lease_owner = ?) ORDER BY next_attempt_at",
                String.class,
                Timestamp.from(now),
                Timestamp.from(now),
                node);
    }

    /** Takes or renews the lease; false if another node holds it. */
    boolean lease(String id, String node, Instant now, Instant until) {
        return jdbc.update(
                        "UPDATE webhook_subscription SET lease_owner = ?, lease_until = ? WHERE id = ?"
                                + " AND (lease_owner IS NULL OR lease_until < ? OR lease_owner = ?)",
                        node,
                        Timestamp.from(until),
                        id,
                        Timestamp.from(now),
                        node)
                == 1;
    }

    void release(String id, String node) {
        jdbc.update(
                "UPDATE webhook_subscription SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id,
                node);
    }

    /** Moves the cursor past a handled event, while this node holds the lease; false if it no longer does. */
    boolean advance(String id, String node, TrackingToken cursor) {
        return jdbc.update(
                        "UPDATE webhook_subscription SET cursor_token = ?, failures = 0 WHERE id = ? AND lease_owner = ?",
                        write(cursor),
                        id,
                        node)
                == 1;
    }

    /** Records a delivered event and moves the cursor past it, in one transaction; false if the lease was lost. */
    boolean delivered(String id, String node, TrackingToken cursor, Delivery delivery) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!advance(id, node, cursor)) {
                return false;
            }
            recordDelivery(id, delivery);
            return true;
        }));
    }

    void failed(String id, int failures, Instant nextAttempt) {
        jdbc.update(
                "UPDATE webhook_subscription SET failures = ?, next_attempt_at = ? WHERE id = ?",
                failures,
                Timestamp.from(nextAttempt),
                id);
    }

    void pause(String id, int failures, String reason) {
        jdbc.update(
                "UPDATE webhook_subscription SET status = 'PAUSED', failures = ?, paused_reason = ? WHERE id = ?",
                failures,
                reason,
                id);
    }

    void recordDelivery(String id, Delivery delivery) {
        jdbc.update(
                "INSERT INTO webhook_delivery (subscription_id, event_id, event_position, event_type, attempt, outcome,"
                        + " http_status, answer, duration_ms, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                delivery.eventId(),
                delivery.position(),
                delivery.eventType(),
                delivery.attempt(),
                delivery.outcome(),
                delivery.httpStatus(),
                delivery.answer(),
                delivery.durationMs(),
                Timestamp.from(delivery.attemptedAt()));
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        String types = rs.getString(3);
        TrackingToken cursor = read(rs.getString(7));
        Timestamp previousUntil = rs.getTimestamp(10);
        boolean rotating = previousUntil != null && previousUntil.toInstant().isAfter(Instant.now());
        Subscription view = new Subscription(
                rs.getString(1),
                rs.getString(2),
                types == null ? List.of() : Arrays.asList(types.split(",")),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                cursor instanceof GapAwareTrackingToken token ? token.getIndex() : -1,
                rs.getInt(8),
                rs.getTimestamp(9).toInstant(),
                rotating,
                rs.getString(11),
                rs.getTimestamp(12).toInstant());
        return new Stored(view, rs.getString(13), rotating ? rs.getString(14) : null, cursor);
    }

    private String write(TrackingToken cursor) {
        try {
            return cursor == null ? null : json.writeValueAsString(cursor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TrackingToken read(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, GapAwareTrackingToken.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
