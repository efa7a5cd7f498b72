package org.ippc.cpm.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ippc.cpm.command.api.DatabaseUnavailable;
import org.ippc.cpm.projection.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the read-models processor's segments shared fairly among the live nodes and its work going after faults.
 * <ul>
 *   <li>Each node says it is alive in {@code engine_node}; a node holding more than its share of the segments
 *       releases one, which a node with fewer claims within its claim interval. A lone node claims them all.</li>
 *   <li>After a database outage Axon's processor waits up to a minute between retries; once the database answers
 *       again, a processor in error is restarted at once.</li>
 * </ul>
 * Every node runs this; each one acts only on its own processor, so running it twice is harmless.
 */
@Component
class ReadModelWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelWorkers.class);
    static final Duration ALIVE_WITHIN = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String node = UUID.randomUUID().toString();

    ReadModelWorkers(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    void balance() {
        StreamingEventProcessor processor = processor();
        try {
            Instant now = Instant.now();
            if (jdbc.update("UPDATE engine_node SET seen_at = ? WHERE node_id = ?", Timestamp.from(now), node) == 0) {
                jdbc.update("INSERT INTO engine_node (node_id, seen_at) VALUES (?, ?)", node, Timestamp.from(now));
            }
            jdbc.update("DELETE FROM engine_node WHERE seen_at < ?", Timestamp.from(now.minus(ALIVE_WITHIN.multipliedBy(30))));
            Integer nodes = jdbc.queryForObject("SELECT COUNT(*) FROM engine_node WHERE seen_at > ?", Integer.class,
                    Timestamp.from(now.minus(ALIVE_WITHIN)));
            int segments = segmentCount();
            int share = (segments + Math.max(1, nodes) - 1) / Math.max(1, nodes);
            var claimed = processor.processingStatus().keySet();
            if (claimed.size() > share && processor.isRunning()) {
                int segment = claimed.iterator().next();
                LOG.info("Releasing read-model segment {} ({} claimed here, a fair share of {} among {} nodes is {})",
                        segment, claimed.size(), segments, nodes, share);
                processor.releaseSegment(segment, ALIVE_WITHIN.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
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
        if (!processor.isError()) {
            return;
        }
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
        } catch (RuntimeException stillDown) {
            return;
        }
        LOG.info("The database answers again: restarting the read-models processor instead of waiting out its back-off");
        processor.shutDown();
        processor.start();
    }

    private int segmentCount() {
        Integer segments = jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry WHERE processorname = ?", Integer.class,
                ReadModels.PROCESSING_GROUP);
        return segments == null || segments == 0 ? 1 : segments;
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }
}
