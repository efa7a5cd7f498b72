package org.ippc.cpm.projection.rebuild;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ippc.cpm.projection.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the event store. First in bulk ({@link ReadModelBulkRebuild}: one transaction, the
 * event table read once, writes in batches), which reports its progress in {@code read_model_rebuild}; if that fails
 * (an event a read model cannot handle, say) the read models are as before and the processor replays instead: Axon
 * resets its tokens, the reset handlers empty the tables, and events a read model cannot handle are dead-lettered.
 * That replay's progress is read from the token store. Either way any node can report it, and the dead letters from
 * before are forgotten ({@link DeadLetters}).
 */
@Component
public class ReadModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** This node as Axon's token store names claim owners. */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    /** A bulk rebuild that has not reported for this long has died with its node (its transaction rolled back). */
    private static final Duration SILENT_FOR = Duration.ofSeconds(15);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelPosition readModels;
    private final ReadModelBulkRebuild bulk;
    private final Clock clock = Clock.systemUTC();
    private final TaskExecutor worker;
    private final TransactionTemplate apart;

    ReadModelRebuild(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            ReadModelPosition readModels,
            ReadModelBulkRebuild bulk,
            @Qualifier("applicationTaskExecutor") TaskExecutor worker,
            PlatformTransactionManager transactions) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.bulk = bulk;
        this.worker = worker;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public synchronized RebuildStatus start(String requestedBy) {
        if (status().running()) {
            throw new RebuildRunning();
        }
        long head = readModels.head();
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO read_model_rebuild (requested_by, started_at, head_index, method, position, updated_at,
                    node_id) VALUES (?, ?, ?, 'bulk', -1, ?, ?)""", requestedBy, Timestamp.from(now), head, Timestamp.from(now), NODE);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM read_model_rebuild", Long.class);
        LOG.info("Rebuild of the read models requested by {}: events up to global index {}", requestedBy, head);
        worker.execute(() -> rebuild(id, head));
        return status();
    }

    /**
     * Asks the running rebuild in bulk, on whichever node it runs, to stop: at its next chunk it rolls back, and the
     * read models and the processor go on as before it began. Asking again changes nothing; a replay in the processor
     * cannot be cancelled (its tables were emptied when it began).
     */
    public synchronized RebuildStatus cancel(String requestedBy) {
        boolean running = status().running();
        Long latest = jdbc.queryForObject("SELECT MAX(id) FROM read_model_rebuild", Long.class);
        String ask = """
                UPDATE read_model_rebuild SET cancelled_by = COALESCE(cancelled_by, ?)
                WHERE id = ? AND method = 'bulk' AND outcome IS NULL""";
        if (!running || jdbc.update(ask, requestedBy, latest) == 0) {
            throw new RebuildNotCancellable();
        }
        LOG.info("Rebuild of the read models cancelled by {}", requestedBy);
        return status();
    }

    private void rebuild(long id, long head) {
        List<Integer> claimed;
        try {
            claimed = bulk.claim(() -> report(id, -1));
        } catch (ReadModelBulkRebuild.Refused refused) {
            LOG.info("No bulk rebuild ({}): the processor replays the events", refused.getMessage());
            replayInTheProcessor(id, "bulk refused: " + refused.getMessage());
            return;
        } catch (RebuildCancelled cancelled) {
            LOG.info("The rebuild in bulk stopped while it waited for the segments: {}", cancelled.getMessage());
            finish(id, cancelled.getMessage());
            return;
        }
        try {
            bulk.run(claimed, head, position -> report(id, position), () -> alive(id));
            finish(id, "done");
            LOG.info("Read models rebuilt in bulk up to global index {}", head);
        } catch (RebuildCancelled cancelled) {
            LOG.info("The rebuild in bulk stopped: {}", cancelled.getMessage());
            finish(id, cancelled.getMessage());
        } catch (RuntimeException failure) {
            LOG.warn("The bulk rebuild failed; the read models are as before and the processor replays", failure);
            replayInTheProcessor(id, "bulk failed: " + failure.getMessage());
        }
    }

    /** Whether a bulk rebuild on another node is running: this node then leaves the segments to it. */
    boolean anotherNodeRebuilds() {
        return jdbc.queryForObject(
                        """
                        SELECT COUNT(*) FROM read_model_rebuild WHERE method = 'bulk' AND outcome IS NULL
                            AND node_id <> ? AND updated_at > ?""", Integer.class, NODE, Timestamp.from(clock.instant().minus(SILENT_FOR)))
                > 0;
    }

    private void replayInTheProcessor(long id, String why) {
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
            DeadLetters.forget(jdbc);
        } catch (RuntimeException cannotStart) {
            LOG.warn("The processor's replay could not start either", cannotStart);
            finish(id, why + "; the processor's replay could not start: " + cannotStart.getMessage());
            return;
        } finally {
            processor.start();
        }
        jdbc.update("UPDATE read_model_rebuild SET method = 'processor', outcome = ? WHERE id = ?", truncate(why), id);
    }

    private void alive(long id) {
        jdbc.update("UPDATE read_model_rebuild SET updated_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
    }

    /**
     * In a transaction of its own (the rebuild's is not visible to anyone until it commits); stops the rebuild if it
     * was cancelled meanwhile.
     */
    private void report(long id, long position) {
        String cancelledBy = apart.execute(status -> {
            jdbc.update(
                    "UPDATE read_model_rebuild SET position = ?, updated_at = ? WHERE id = ?",
                    position,
                    Timestamp.from(clock.instant()),
                    id);
            return jdbc.queryForObject("SELECT cancelled_by FROM read_model_rebuild WHERE id = ?", String.class, id);
        });
        if (cancelledBy != null) {
            throw new RebuildCancelled(cancelledBy);
        }
    }

    private void finish(long id, String outcome) {
        jdbc.update(
                "UPDATE read_model_rebuild SET outcome = ?, updated_at = ? WHERE id = ?",
                truncate(outcome),
                Timestamp.from(clock.instant()),
                id);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    public RebuildStatus status() {
        List<RebuildStatus> latest = jdbc.query("""
                SELECT requested_by, started_at, head_index, method, position, updated_at, outcome
                FROM read_model_rebuild ORDER BY id DESC LIMIT 1""", (rs, i) -> {
            String requestedBy = rs.getString(1);
            Instant startedAt = rs.getTimestamp(2).toInstant();
            long head = rs.getLong(3);
            String outcome = rs.getString(7);
            if (rs.getString(4).equals("bulk")) {
                Timestamp updated = rs.getTimestamp(6);
                boolean alive = outcome == null
                        && updated != null
                        && updated.toInstant().isAfter(clock.instant().minus(SILENT_FOR));
                String shown = outcome != null
                        ? outcome
                        : alive ? null : "abandoned: its node stopped; the read models are as before";
                long position = "done".equals(outcome) ? head : rs.getLong(5);
                return progress(alive, requestedBy, startedAt, head, position, shown);
            }
            long position = readModels.position();
            // A token stays a ReplayToken until it passes the reset position, so "done" is having reached the
            // recorded head.
            return progress(position < head, requestedBy, startedAt, head, position, outcome);
        });
        return latest.isEmpty() ? RebuildStatus.none(readModels.deadLetters()) : latest.get(0);
    }

    private RebuildStatus progress(
            boolean running, String requestedBy, Instant startedAt, long head, long position, String outcome) {
        double seconds =
                Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
        double percent = head <= 0 ? 100 : Math.min(100, Math.max(0, position) * 100.0 / head);
        double rate = Math.max(0, position) / seconds;
        RebuildPhase phase = RebuildPhase.of(running, position, head);
        Double left = phase == RebuildPhase.ENDED
                ? Double.valueOf(0)
                : phase == RebuildPhase.REPLAYING && rate > 0 ? (head - position) / rate : null;
        return new RebuildStatus(
                running,
                phase,
                requestedBy,
                startedAt,
                head,
                position,
                Math.round(percent * 10) / 10.0,
                Math.round(rate),
                left,
                outcome,
                readModels.deadLetters());
    }

    @Scheduled(fixedDelay = 2000)
    void logProgress() {
        RebuildStatus status = status();
        if (status.phase() == RebuildPhase.FINISHING) {
            LOG.info(
                    "Rebuilding read models: all {} events applied; writing the board, building the indexes and"
                            + " swapping in the new tables",
                    status.headIndex());
        } else if (status.running()) {
            LOG.info(
                    "Rebuilding read models: {}% ({} of {}), {} events/s, {} s left",
                    status.percent(),
                    status.position(),
                    status.headIndex(),
                    status.eventsPerSecond(),
                    status.secondsLeft() == null ? "?" : Math.round(status.secondsLeft()));
        }
    }
}
