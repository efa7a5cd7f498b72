package org.ippc.cpm.command.benchmark;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database spent, read before and after a measured run: the WAL it wrote, the CPU of its processes (every
 * process named postgres on the machine: the benchmark's own server), the transactions it committed and the rows it
 * wrote and read. The unit costs of the capacity model (docs/capacity.md).
 */
public final class DatabaseMeter {

    /** The database's counters at one moment. */
    public record Reading(long walBytes, long cpuNanos, long commits, long rowsWritten, long rowsRead) {

        /** What was spent between this reading and a later one, per unit of work. */
        public PerUnit perUnit(Reading later, double units) {
            return new PerUnit(
                    (later.walBytes - walBytes) / units,
                    (later.cpuNanos - cpuNanos) / 1000.0 / units,
                    (later.commits - commits) / units,
                    (later.rowsWritten - rowsWritten) / units,
                    (later.rowsRead - rowsRead) / units);
        }
    }

    /** The database's cost of one command (or event). */
    public record PerUnit(double walBytes, double cpuMicros, double commits, double rowsWritten, double rowsRead) {}

    private final JdbcTemplate jdbc;

    public DatabaseMeter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Reading read() {
        // pg_stat_database is refreshed by each backend at the end of its transactions; ask for fresh figures.
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.queryForObject(
                """
                SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, xact_commit,
                       tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
                FROM pg_stat_database WHERE datname = current_database()""",
                (rs, i) -> new Reading(rs.getLong(1), postgresCpuNanos(), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    private static long postgresCpuNanos() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false))
                .map(process -> process.info().totalCpuDuration())
                .flatMap(Optional::stream)
                .mapToLong(java.time.Duration::toNanos)
                .sum();
    }
}
