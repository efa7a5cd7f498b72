package org.ippc.cpm.query.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ippc.cpm.query.board.BoardQueries;
import org.ippc.cpm.query.board.ProgrammeRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code board_update} table read as a stream of {@link BoardChange}s: what a poller or a reconnecting client missed. */
@Component
class BoardFeed {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final BoardQueries queries;

    BoardFeed(JdbcTemplate jdbc, BoardQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** Keeps the feed short; any node may run this at any time, as often as it likes. */
    int trim(long keep) {
        return jdbc.update("DELETE FROM board_update WHERE seq <= ?", head() - keep);
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(seq) FROM board_update", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * The changes after {@code seq} (at most a batch), each with the programme's current row (null while a rebuild has
     * not reached it). The upper bound never binds; it is there for PostgreSQL's generic plan of this prepared
     * statement, which assumes that a third of the table matches {@code seq > ?} (a range of two bounds: 0.5 %) and,
     * planned while the feed was small, went on reading the whole feed on every poll (ReadSideBenchmark: 965 rows per
     * command).
     */
    List<BoardChange> after(long seq, String programmeId) {
        List<Map<String, Object>> updates = programmeId == null
                ? jdbc.queryForList(
                        "SELECT seq, programme_id FROM board_update WHERE seq > ? AND seq < ? ORDER BY seq LIMIT "
                                + BATCH,
                        seq,
                        Long.MAX_VALUE)
                : jdbc.queryForList(
                        "SELECT seq, programme_id FROM board_update WHERE seq > ? AND seq < ? AND programme_id = ?"
                                + " ORDER BY seq LIMIT " + BATCH,
                        seq,
                        Long.MAX_VALUE,
                        programmeId);
        return changes(updates);
    }

    /** The changes with these numbers that exist by now (numbers a poller saw skipped: their batch had not committed). */
    List<BoardChange> exactly(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        String in = seqs.stream().map(seq -> "?").collect(Collectors.joining(", "));
        return changes(jdbc.queryForList(
                "SELECT seq, programme_id FROM board_update WHERE seq IN (" + in + ") ORDER BY seq", seqs.toArray()));
    }

    private List<BoardChange> changes(List<Map<String, Object>> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        Map<String, ProgrammeRow> rows =
                queries
                        .programmes(updates.stream()
                                .map(u -> (String) u.get("programme_id"))
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ProgrammeRow::programmeId, Function.identity()));
        return updates.stream()
                .map(u -> BoardChange.of(((Number) u.get("seq")).longValue(), rows.get((String) u.get("programme_id"))))
                .toList();
    }
}
