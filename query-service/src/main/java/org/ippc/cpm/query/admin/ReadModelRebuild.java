package org.ippc.cpm.query.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ippc.cpm.platform.ProblemTypes;
import org.ippc.cpm.projection.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Rebuilds every read model from the event store: Axon resets the processor's tokens and its reset handlers empty
 * the tables, then the processor replays all events. Progress is read from the token store against the head recorded
 * when the rebuild began, so any node can report it and a restarted node carries on.
 */
@Component
class ReadModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelPosition readModels;
    private final Clock clock = Clock.systemUTC();

    ReadModelRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc, ReadModelPosition readModels) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    synchronized RebuildStatus start(String requestedBy) {
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        long head = readModels.head();
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException claimedElsewhere) {
            throw new ErrorResponseException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.problem(
                            HttpStatus.CONFLICT,
                            "Rebuild not started",
                            "another node is processing the read models; stop its processor or retry when it has released its claim",
                            null),
                    claimedElsewhere);
        } finally {
            processor.start();
        }
        jdbc.update(
                "INSERT INTO read_model_rebuild (requested_by, started_at, head_index) VALUES (?, ?, ?)",
                requestedBy,
                Timestamp.from(clock.instant()),
                head);
        LOG.info(
                "Rebuild of the read models requested by {}: replaying events up to global index {}",
                requestedBy,
                head);
        return status();
    }

    RebuildStatus status() {
        List<RebuildStatus> latest = jdbc.query(
                "SELECT requested_by, started_at, head_index FROM read_model_rebuild ORDER BY id DESC LIMIT 1",
                (rs, i) -> new RebuildStatus(
                        true, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), 0, 0, 0, null));
        if (latest.isEmpty()) {
            return RebuildStatus.none();
        }
        RebuildStatus rebuild = latest.get(0);
        Instant startedAt = rebuild.startedAt();
        long head = rebuild.headIndex();
        long position = readModels.position();
        // A token stays a ReplayToken until it passes the reset position, so "done" is having reached the recorded
        // head.
        boolean replaying = position < head;
        double seconds =
                Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
        double percent = head <= 0 ? 100 : Math.min(100, Math.max(0, position) * 100.0 / head);
        double rate = Math.max(0, position) / seconds;
        Double left = !replaying ? Double.valueOf(0) : rate > 0 ? (head - position) / rate : null;
        return new RebuildStatus(
                replaying,
                rebuild.requestedBy(),
                startedAt,
                head,
                position,
                Math.round(percent * 10) / 10.0,
                Math.round(rate),
                left);
    }

    @Scheduled(fixedDelay = 2000)
    void logProgress() {
        RebuildStatus status = status();
        if (status.running()) {
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
