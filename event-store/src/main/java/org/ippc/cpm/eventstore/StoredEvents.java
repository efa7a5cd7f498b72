package org.ippc.cpm.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way other modules read the event store: pages of stored events, an aggregate's history, the chain walk,
 * the chain's heads and the head position. Rows come as stored (before upcasting), with their hash links. Large reads
 * stream row by row ({@code Consumer}) and should run in a read-only transaction, so that PostgreSQL uses a cursor.
 */
@Component
public class StoredEvents {

    /**
     * For a statement that reads an event's global index in its own round trip (the decision log): {@code SELECT
     * <GLOBAL_INDEX>, ... FROM <EVENT_BY_ID> AND ...}, with the event's id as the parameter of {@code EVENT_BY_ID}.
     */
    public static final String GLOBAL_INDEX = "stored_event.globalindex";

    /** The tables of the event store, which no other module names (EventTablesOwnershipTest). */
    public static final List<String> TABLES = List.of("domainevententry", "snapshotevententry", "event_hash");

    public static final String EVENT_BY_ID = "domainevententry stored_event WHERE stored_event.eventidentifier = ?";

    private static final String ROW = """
            SELECT e.globalindex, e.eventidentifier, e.aggregateidentifier, e.sequencenumber, e.type, e.timestamp,
                   e.payloadtype, e.payloadrevision, e.payload, e.metadata, h.previous_hash, h.hash
            FROM domainevententry e LEFT JOIN event_hash h ON h.event_id = e.eventidentifier""";

    private final JdbcTemplate jdbc;

    public StoredEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    /** Every stored event in the order of the store (global index). */
    public void inOrder(Consumer<StoredRow> each) {
        jdbc.query(ROW + " ORDER BY e.globalindex", rs -> {
            each.accept(row(rs));
        });
    }

    /** Every stored event, aggregate by aggregate, each in sequence: the walk along every hash chain. */
    public void byAggregate(Consumer<StoredRow> each) {
        jdbc.query(ROW + " ORDER BY e.aggregateidentifier, e.sequencenumber", rs -> {
            each.accept(row(rs));
        });
    }

    /** The aggregate's events in sequence. */
    public List<StoredRow> history(String aggregateId) {
        return jdbc.query(
                ROW + " WHERE e.aggregateidentifier = ? ORDER BY e.sequencenumber", (rs, i) -> row(rs), aggregateId);
    }

    /** At most {@code limit} of the aggregate's events from {@code firstSequence} on, in sequence. */
    public List<StoredRow> page(String aggregateId, long firstSequence, int limit) {
        return jdbc.query(
                ROW + " WHERE e.aggregateidentifier = ? AND e.sequencenumber >= ? ORDER BY e.sequencenumber LIMIT "
                        + limit,
                (rs, i) -> row(rs),
                aggregateId,
                firstSequence);
    }

    /** Links of the chain whose event is not in the store (deleted after it was appended). */
    public List<ChainLink> linksWithoutEvents() {
        return jdbc.query("""
                SELECT h.event_id, h.aggregate_id, h.sequence_number, h.hash FROM event_hash h
                LEFT JOIN domainevententry e ON e.eventidentifier = h.event_id WHERE e.eventidentifier IS NULL""", (rs, i) -> link(rs));
    }

    /** The last link of every aggregate's chain, by aggregate. */
    public List<ChainLink> heads() {
        return jdbc.query("""
                SELECT h.event_id, h.aggregate_id, h.sequence_number, h.hash FROM event_hash h
                JOIN (SELECT aggregate_id, MAX(sequence_number) AS head FROM event_hash GROUP BY aggregate_id) last
                  ON last.aggregate_id = h.aggregate_id AND last.head = h.sequence_number
                ORDER BY h.aggregate_id""", (rs, i) -> link(rs));
    }

    /** The last sequence number of each aggregate whose events are in the store, with a hash. */
    public Map<String, Long> lastSequences() {
        return jdbc.query("""
                        SELECT h.aggregate_id, MAX(h.sequence_number) FROM event_hash h
                        JOIN domainevententry e ON e.eventidentifier = h.event_id GROUP BY h.aggregate_id""", (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The hash of the aggregate's event at {@code sequenceNumber}, if that event is in the store. */
    public Optional<String> hashOf(String aggregateId, long sequenceNumber) {
        return jdbc.queryForList("""
                        SELECT h.hash FROM event_hash h JOIN domainevententry e ON e.eventidentifier = h.event_id
                        WHERE h.aggregate_id = ? AND h.sequence_number = ?""", String.class, aggregateId, sequenceNumber).stream()
                .findFirst();
    }

    /** How many events the store holds. */
    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    /** Whether the event is in the store. */
    public boolean contains(String eventId) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domainevententry WHERE eventidentifier = ?", Integer.class, eventId)
                > 0;
    }

    /** The global index of the latest stored event, or -1 for an empty store. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    private static StoredRow row(ResultSet rs) throws SQLException {
        return new StoredRow(
                rs.getLong(1),
                new StoredEvent(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBytes(9),
                        rs.getBytes(10)),
                rs.getString(11),
                rs.getString(12));
    }

    private static ChainLink link(ResultSet rs) throws SQLException {
        return new ChainLink(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4));
    }
}
