package org.ippc.cpm.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The writes of one batch of events: board rows are read once, changed in memory by every event of the batch, and
 * written back together with the appended rows (decision log, funding, live feed) as one JDBC batch per statement,
 * just before the batch's transaction commits. A round trip per batch instead of several per event, live and during
 * a rebuild alike. Without a unit of work (a handler called directly) the writes go out at once.
 * <p>
 * If a batch fails (a value the tables refuse, a constraint), it is rolled back and retried, and for the next
 * {@link #CAREFUL_FOR} this node's batches write each event at once, in its own savepoint
 * ({@link SavepointPerEvent}): the event at fault then fails in its handler, where the dead-letter queue takes it and
 * the events of its aggregate queue behind it, while every other aggregate's events go on.
 */
@Component
public class WriteBatch {

    private static final String RESOURCE = WriteBatch.class.getName();
    /**
     * A unit-of-work resource of a rebuild in bulk: the board rows it has made so far (a {@code Map} by programme id),
     * kept from one batch to the next and written after its last event ({@link #writeEveryRow}). It began with empty
     * tables, so a row it has not made does not exist.
     */
    public static final String EVERY_ROW = WriteBatch.class.getName() + ".everyRow";

    private static final String CAREFUL = WriteBatch.class.getName() + ".careful";
    static final Duration CAREFUL_FOR = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant carefulUntil = Instant.MIN;

    public WriteBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this batch writes its events one at a time, each in its own savepoint, because a batch failed lately.
     * Decided once per batch: a batch that began collecting writes must not mix them with immediate ones.
     */
    boolean careful() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (batch.resources().containsKey(EVERY_ROW)) {
            // A rebuild in bulk fails as a whole (rolled back, then the processor replays), and writes its board
            // rows only at the end: never one event at a time.
            return false;
        }
        return batch.getOrComputeResource(CAREFUL, key -> {
            // A batch that fails for any reason (its collected writes, or a handler's statement that left the
            // transaction unusable) makes the next ones careful.
            batch.onRollback(failed -> carefulUntil = clock.instant().plus(CAREFUL_FOR));
            return clock.instant().isBefore(carefulUntil);
        });
    }

    private boolean batching() {
        return CurrentUnitOfWork.isStarted() && !careful();
    }

    /** The programme's row as this batch sees it, if the board has one. */
    Optional<BoardRow> row(String programmeId) {
        if (!batching()) {
            return read(programmeId);
        }
        Pending pending = pending();
        return Optional.ofNullable(
                pending.rows.computeIfAbsent(programmeId, id -> pending.everyRowKnown ? null : read(id).orElse(null)));
    }

    /** Writes the row with the batch (at once without a unit of work). */
    void save(BoardRow row) {
        if (!batching()) {
            jdbc.update(row.stored ? BoardRow.UPDATE : BoardRow.INSERT, row.arguments());
            row.stored = true;
            return;
        }
        Pending pending = pending();
        pending.rows.put(row.programmeId, row);
        pending.changed.put(row.programmeId, row);
    }

    /** Appends a row to a table that nothing in the batch reads (at once without a unit of work). */
    void append(String sql, Object... arguments) {
        if (!batching()) {
            jdbc.update(sql, arguments);
            return;
        }
        pending().statements.computeIfAbsent(sql, key -> new ArrayList<>()).add(arguments);
    }

    /**
     * Writes the board rows of a rebuild in bulk ({@link #EVERY_ROW}) once, after its last event: each as its last
     * event left it, in one stream, so that the board's table needs no index while it fills.
     */
    public static void writeEveryRow(JdbcTemplate jdbc, Map<String, ?> everyRow) {
        List<Object[]> rows = new ArrayList<>(everyRow.size());
        everyRow.values().forEach(row -> rows.add(((BoardRow) row).arguments()));
        Pending.appendInBulk(jdbc, BoardRow.INSERT, rows);
    }

    private Optional<BoardRow> read(String programmeId) {
        return jdbc
                .query(
                        "SELECT * FROM programme_board WHERE programme_id = ?",
                        (rs, i) -> BoardRow.read(rs),
                        programmeId)
                .stream()
                .findFirst();
    }

    private Pending pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(RESOURCE, key -> {
            Map<String, BoardRow> everyRow = batch.getResource(EVERY_ROW);
            Pending created =
                    everyRow == null ? new Pending(new LinkedHashMap<>(), false) : new Pending(everyRow, true);
            batch.onPrepareCommit(unitOfWork -> created.flush(jdbc));
            return created;
        });
    }

    private static final class Pending {
        final Map<String, BoardRow> rows;
        final boolean everyRowKnown;
        final Map<String, BoardRow> changed = new LinkedHashMap<>();
        final Map<String, List<Object[]>> statements = new LinkedHashMap<>();

        Pending(Map<String, BoardRow> rows, boolean everyRowKnown) {
            this.rows = rows;
            this.everyRowKnown = everyRowKnown;
        }

        /** A rebuild in bulk keeps its board rows for {@link #writeEveryRow} and copies its appended rows in. */
        void flush(JdbcTemplate jdbc) {
            if (!everyRowKnown) {
                List<Object[]> inserts = new ArrayList<>();
                List<Object[]> updates = new ArrayList<>();
                changed.values().forEach(row -> (row.stored ? updates : inserts).add(row.arguments()));
                changed.values().forEach(row -> row.stored = true);
                batch(jdbc, BoardRow.INSERT, inserts);
                batch(jdbc, BoardRow.UPDATE, updates);
            }
            changed.clear();
            statements.forEach((sql, arguments) -> {
                if (everyRowKnown) {
                    appendInBulk(jdbc, sql, arguments);
                } else {
                    batch(jdbc, sql, arguments);
                }
            });
            statements.clear();
        }

        /** On PostgreSQL the rows are copied in ({@link CopyIn}); elsewhere they are a batch. */
        static void appendInBulk(JdbcTemplate jdbc, String sql, List<Object[]> arguments) {
            if (arguments.size() < 2 || !CopyIn.copied(jdbc, sql, arguments)) {
                batch(jdbc, sql, arguments);
            }
        }

        private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> arguments) {
            if (arguments.size() == 1) {
                jdbc.update(sql, arguments.get(0));
            } else if (!arguments.isEmpty()) {
                jdbc.batchUpdate(sql, arguments);
            }
        }
    }
}
