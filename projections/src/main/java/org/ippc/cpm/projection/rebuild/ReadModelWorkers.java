package org.ippc.cpm.projection.rebuild;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ippc.cpm.platform.DatabaseUnavailable;
import org.ippc.cpm.projection.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the read-models processor's segments shared fairly among the live nodes and its work going after faults.
 * <ul>
 *   <li>Each node says it is alive in {@code engine_node}; a node holding more than its share of the segments
 *       releases one while another live node holds less than its share, and that node claims it within its claim
 *       interval. A lone node claims them all; a dead node's claims expire and the others take them.</li>
 *   <li>While another node rebuilds the read models in bulk, this node releases every segment it holds, so that
 *       the rebuilding node can claim them all.</li>
 *   <li>After a database outage Axon's processor waits up to a minute between retries; once the database answers
 *       again, the processor is restarted at once.</li>
 * </ul>
 * Every node runs this; each one acts only on its own processor, so running it twice is harmless.
 */
@Component
class ReadModelWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelWorkers.class);
    /**
     * A node that has not said it is alive for this long (two missed heartbeats) gets no share: shorter than the
     * claim timeout (5 s), so a dead node counts as dead before its segments can be taken, and is never given one.
     */
    static final Duration ALIVE_WITHIN = Duration.ofSeconds(3);
    /** Long enough for another node to claim a released segment (its claim interval is 1 s), short enough to take it back. */
    static final Duration RELEASE_FOR = Duration.ofSeconds(4);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelRebuild rebuild;
    /** The name Axon's token store records as a segment's owner, so that claims and heartbeats can be matched. */
    private final String node = ReadModelRebuild.NODE;

    private volatile boolean databaseWasDown;

    ReadModelWorkers(EventProcessingConfiguration processing, JdbcTemplate jdbc, ReadModelRebuild rebuild) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.rebuild = rebuild;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void balance() {
        StreamingEventProcessor processor = processor();
        try {
            Instant now = Instant.now();
            if (jdbc.update("UPDATE engine_node SET seen_at = ? WHERE node_id = ?", Timestamp.from(now), node) == 0) {
                jdbc.update("INSERT INTO engine_node (node_id, seen_at) VALUES (?, ?)", node, Timestamp.from(now));
            }
            jdbc.update(
                    "DELETE FROM engine_node WHERE seen_at < ?",
                    Timestamp.from(now.minus(ALIVE_WITHIN.multipliedBy(100))));
            List<String> alive = jdbc.queryForList(
                    "SELECT node_id FROM engine_node WHERE seen_at > ?",
                    String.class,
                    Timestamp.from(now.minus(ALIVE_WITHIN)));
            Map<String, Integer> claims = new HashMap<>();
            jdbc.query(
                    "SELECT owner, COUNT(*) FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL GROUP BY owner",
                    rs -> {
                        claims.put(rs.getString(1), rs.getInt(2));
                    },
                    ReadModels.PROCESSING_GROUP);
            int segments = Math.max(
                    1,
                    jdbc.queryForObject(
                            "SELECT COUNT(*) FROM tokenentry WHERE processorname = ?",
                            Integer.class,
                            ReadModels.PROCESSING_GROUP));
            int share = (segments + Math.max(1, alive.size()) - 1) / Math.max(1, alive.size());
            boolean anotherHasRoom =
                    alive.stream().anyMatch(other -> !other.equals(node) && claims.getOrDefault(other, 0) < share);
            Set<Integer> mine = processor.processingStatus().keySet();
            if (processor.isRunning() && rebuild.anotherNodeRebuilds()) {
                for (int segment : mine) {
                    LOG.info("Releasing read-model segment {} to the node rebuilding the read models", segment);
                    processor.releaseSegment(segment, RELEASE_FOR.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            if (mine.size() > share && anotherHasRoom && processor.isRunning()) {
                int segment = mine.iterator().next();
                LOG.info(
                        "Releasing read-model segment {} to another node ({} claimed here; a fair share of {} among {} nodes is {})",
                        segment,
                        mine.size(),
                        segments,
                        alive.size(),
                        share);
                processor.releaseSegment(segment, RELEASE_FOR.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException failure) {
            if (!DatabaseUnavailable.causes(failure)) {
                throw failure;
            }
        }
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void recover() {
        StreamingEventProcessor processor = processor();
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
        } catch (RuntimeException down) {
            databaseWasDown = true;
            return;
        }
        // A segment may have failed on the database while this check did not see it down (a short outage).
        boolean failedOnTheDatabase = processor.processingStatus().values().stream()
                .anyMatch(status -> status.isErrorState() && DatabaseUnavailable.causes(status.getError()));
        if ((databaseWasDown || failedOnTheDatabase) && processor.isRunning()) {
            LOG.info(
                    "The database answers again: restarting the read-models processor instead of waiting out its back-off");
            processor.shutDown();
            processor.start();
        }
        databaseWasDown = false;
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }
}
