package org.ippc.cpm.projection.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.ippc.cpm.projection.ReadModels;
import org.ippc.cpm.projection.WriteBatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model in one database transaction, outside Axon's processor: this node's processor stops and
 * this node claims every segment of it (kept alive from another thread, so that no node takes one meanwhile); in the
 * transaction the reset handlers empty the tables, the event table is read once in order up to the head recorded at
 * the start, the projections' own handlers apply the events in chunks whose writes go out as JDBC batches
 * ({@code WriteBatch}; the board's rows once, after the last event), and every segment's token is set to the last
 * event read, gaps included. On PostgreSQL the tables it only appends to are new ones, swapped in at the end
 * ({@link ShadowTables}). Commands go on meanwhile; events after that token are the processor's again once it
 * restarts. If anything fails, or the node dies, the transaction rolls back: the read models and the tokens are as
 * before, and the claims expire.
 */
@Component
class ReadModelBulkRebuild {

    /** Events whose writes go to the database together. */
    static final int CHUNK = 10_000;

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final EventStorageEngine store;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final Configuration axon;
    private final TaskScheduler scheduler;
    private final Duration swapLockWait;

    ReadModelBulkRebuild(
            EventProcessingConfiguration processing,
            TokenStore tokens,
            EventStorageEngine store,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc,
            ApplicationContext context,
            Configuration axon,
            TaskScheduler scheduler,
            @Value("${cpm.rebuild.swap-lock-wait:2m}") Duration swapLockWait) {
        this.processing = processing;
        this.tokens = tokens;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.context = context;
        this.axon = axon;
        this.scheduler = scheduler;
        this.swapLockWait = swapLockWait;
    }

    /** Why a bulk rebuild cannot run now; the read models are untouched. */
    static final class Refused extends RuntimeException {
        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** How long other nodes have to release their segments (they do within a second or two: ReadModelWorkers). */
    static final Duration CLAIM_WITHIN = Duration.ofSeconds(20);

    /**
     * Stops this node's processor and claims every segment, waiting for the other nodes to release theirs; refused
     * (and the processor restarted) if one does not within {@link #CLAIM_WITHIN}. {@code waiting} is called while it
     * waits; what it throws ends the waiting (the claims released, the processor restarted).
     */
    List<Integer> claim(Runnable waiting) {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        List<Integer> claimed = new ArrayList<>();
        long giveUpAt = System.nanoTime() + CLAIM_WITHIN.toNanos();
        for (int segment : tokens.fetchSegments(ReadModels.PROCESSING_GROUP)) {
            while (!claimed.contains(segment)) {
                try {
                    tokens.fetchToken(ReadModels.PROCESSING_GROUP, segment);
                    claimed.add(segment);
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    if (System.nanoTime() > giveUpAt) {
                        release(claimed);
                        throw new Refused("another node kept a segment of the read models", claimedElsewhere);
                    }
                    try {
                        waiting.run();
                    } catch (RuntimeException stopped) {
                        release(claimed);
                        throw stopped;
                    }
                    pause();
                }
            }
        }
        return claimed;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted", interrupted);
        }
    }

    /**
     * Runs the rebuild on the claimed segments up to {@code head}, reporting the global index reached after each
     * chunk (the head itself once every event is applied, before the board's rows and the swap), and that it is alive
     * every second (emptying a large table can take longer than a chunk).
     */
    void run(List<Integer> claimed, long head, LongConsumer progress, Runnable alive) {
        ScheduledFuture<?> keepClaims = scheduler.scheduleAtFixedRate(
                () -> {
                    claimed.forEach(segment -> tokens.extendClaim(ReadModels.PROCESSING_GROUP, segment));
                    alive.run();
                },
                Duration.ofSeconds(1));
        try {
            transaction.executeWithoutResult(status -> {
                Optional<ShadowTables> shadow = ShadowTables.prepare(jdbc, swapLockWait);
                List<AnnotationEventHandlerAdapter> handlers = handlers();
                handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
                DeadLetters.forget(jdbc);
                Map<String, ?> everyRow = new HashMap<>();
                TrackingToken last = replay(handlers, head, progress, everyRow);
                WriteBatch.writeEveryRow(jdbc, everyRow);
                shadow.ifPresent(ShadowTables::swapIn);
                keepClaims.cancel(false);
                if (last != null) {
                    claimed.forEach(segment -> tokens.storeToken(last, ReadModels.PROCESSING_GROUP, segment));
                }
            });
        } finally {
            keepClaims.cancel(false);
            release(claimed);
        }
    }

    private TrackingToken replay(
            List<AnnotationEventHandlerAdapter> handlers, long head, LongConsumer progress, Map<String, ?> everyRow) {
        TrackingToken last = null;
        // The handlers see the events as replayed (no live announcements), as in the processor's replay.
        TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(head, List.of()));
        List<EventMessage<?>> chunk = new ArrayList<>(CHUNK);
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> stored = events.iterator();
            while (stored.hasNext()) {
                TrackedEventMessage<?> event = stored.next();
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) > head) {
                    break;
                }
                Long index = indexOf(last, event.trackingToken());
                last = event.trackingToken();
                TrackedEventMessage<?> replayed = event.withTrackingToken(replaying);
                chunk.add(index == null ? replayed : replayed.andMetaData(Map.of(ReadModels.GLOBAL_INDEX, index)));
                if (chunk.size() == CHUNK) {
                    apply(handlers, chunk, everyRow);
                    progress.accept(last.position().orElse(-1));
                    chunk.clear();
                }
            }
        }
        apply(handlers, chunk, everyRow);
        progress.accept(head);
        return last;
    }

    /**
     * The event's own global index: its token's, unless it filled a gap of the previous token (committed late), when
     * it is the gap that the token no longer has. Null for tokens of another kind.
     */
    static Long indexOf(TrackingToken previous, TrackingToken current) {
        if (!(current instanceof GapAwareTrackingToken now)) {
            return null;
        }
        if (!(previous instanceof GapAwareTrackingToken before) || now.getIndex() > before.getIndex()) {
            return now.getIndex();
        }
        return before.getGaps().stream()
                .filter(gap -> !now.getGaps().contains(gap))
                .findFirst()
                .orElse(null);
    }

    /** One unit of work for the chunk: its writes are collected and sent as batches when it commits. */
    private static void apply(
            List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> chunk, Map<String, ?> everyRow) {
        if (chunk.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(chunk);
        unit.resources().put(WriteBatch.EVERY_ROW, everyRow);
        ResultMessage<?> result = unit.executeWithResult(
                () -> {
                    EventMessage<?> event = unit.getMessage();
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(
                    "a read model could not handle an event: "
                            + result.exceptionResult().getMessage(),
                    result.exceptionResult());
        }
    }

    private List<AnnotationEventHandlerAdapter> handlers() {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> ReadModels.PROCESSING_GROUP.equals(
                        bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .map(bean -> new AnnotationEventHandlerAdapter(
                        bean, axon.parameterResolverFactory(), axon.handlerDefinition(bean.getClass())))
                .toList();
    }

    private void release(List<Integer> claimed) {
        for (int segment : claimed) {
            try {
                tokens.releaseClaim(ReadModels.PROCESSING_GROUP, segment);
            } catch (RuntimeException expiresAnyway) {
                // A claim not released expires after the claim timeout.
            }
        }
        processor().start();
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }
}
