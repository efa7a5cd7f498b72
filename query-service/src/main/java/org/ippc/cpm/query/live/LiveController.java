package org.ippc.cpm.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.ippc.cpm.query.ResponseGate;
import org.ippc.cpm.query.board.BoardQueries;
import org.ippc.cpm.query.board.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Server-Sent Events, one Reactor pipeline per client fed by {@link LiveSubscribers}: a snapshot (or, for a client
 * that reconnects with {@code Last-Event-ID}, the changes it missed, from the database), then every change, each with
 * its feed number as the event id and each once, in order; heartbeats throughout; the end when the token that opened
 * the stream expires.
 */
@RestController
@RequestMapping("/api/live")
@Tag(name = "Live updates", description = "Server-Sent Events for dashboards (any signed-in role)")
class LiveController {

    private final LiveSubscribers subscribers;
    private final BoardQueries queries;
    private final BoardFeed feed;
    private final Duration heartbeat;
    private final LiveMetrics metrics;
    private final ObjectMapper json;

    LiveController(
            LiveSubscribers subscribers,
            BoardQueries queries,
            BoardFeed feed,
            @Value("${cpm.live.heartbeat-interval}") Duration heartbeat,
            LiveMetrics metrics,
            ObjectMapper json) {
        this.subscribers = subscribers;
        this.queries = queries;
        this.feed = feed;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.json = json;
    }

    @GetMapping(path = "/board", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "watchBoard",
            summary = "The status board as a stream: a snapshot, then each changed programme row",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description =
                                    "Server-Sent Events: 'snapshot' (every ProgrammeRow), then 'programme' (a ProgrammeRow) for"
                                            + " each change, each with its feed number as id; a comment every heartbeat",
                            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))))
    void board(
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        stream(
                () -> queries.board(
                                null,
                                null,
                                null,
                                PageRequest.of(0, PageRequest.MAX_SIZE, null, Map.of(), "programme_id"))
                        .items(),
                first(lastEventId, lastEventIdParam),
                null,
                authentication,
                request,
                response);
    }

    @GetMapping(path = "/programmes/{programmeId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "watchProgramme",
            summary = "One programme as a stream: its row, then each change to it",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description =
                                    "Server-Sent Events: 'snapshot' (its ProgrammeRow), then 'programme' (a ProgrammeRow) for"
                                            + " each change, each with its feed number as id; a comment every heartbeat",
                            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))))
    void programme(
            @PathVariable String programmeId,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        stream(
                () -> queries.programme(programmeId),
                first(lastEventId, lastEventIdParam),
                programmeId,
                authentication,
                request,
                response);
    }

    /**
     * The stream is watched first, so that changes committed while the snapshot (read here, so that a database out
     * of reach is answered as any request is) or the missed changes are read wait in its buffer; a change is sent only
     * if its number is above the last one sent. Nothing is sent before {@link ResponseGate} opens. Frames are handed
     * to {@link SseStream} on {@link Schedulers#boundedElastic()}, which spreads the streams' writes over the cores;
     * a write never blocks, each change's frame the same bytes for every stream.
     */
    private void stream(
            Callable<Object> snapshot,
            Long lastEventId,
            String programmeId,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        LiveSubscribers.Watch watch = subscribers.watch(programmeId);
        long head;
        // Handed over once: a stream must not keep its snapshot for its whole life.
        AtomicReference<SseFrame> start = new AtomicReference<>();
        try {
            head = feed.head();
            if (lastEventId == null) {
                start.set(SseFrame.event("snapshot", head, json(snapshot.call())));
            }
        } catch (Exception unreadable) {
            watch.cancel().run();
            throw unreadable;
        }
        metrics.opened();
        Disposable.Swap sending = Disposables.swap();
        SseStream stream = SseStream.open(request, response, () -> {
            sending.dispose();
            watch.cancel().run();
            metrics.closed();
        });
        AtomicLong lastSent = new AtomicLong(lastEventId == null ? head : lastEventId);
        Flux<BoardChange> missed = lastEventId == null ? Flux.empty() : missedAfter(lastEventId, programmeId);
        Flux<SseFrame> changes = Flux.concat(missed, watch.changes())
                .filter(change -> change.programme() != null && change.seq() > lastSent.get())
                .doOnNext(change -> {
                    lastSent.set(change.seq());
                    metrics.delivered(change.programme().lastChangedAt());
                })
                .map(BoardChange::frame);
        Flux<SseFrame> heartbeats = Flux.interval(Duration.ZERO, heartbeat).map(tick -> SseFrame.HEARTBEAT);
        Flux<SseFrame> frames =
                Flux.merge(heartbeats, Flux.concat(Mono.fromCallable(() -> start.getAndSet(null)), changes));
        Duration lifetime = lifetime(authentication);
        sending.update((lifetime == null ? frames : frames.take(lifetime))
                .delaySubscription(ResponseGate.opened(request))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(stream::send, failure -> stream.end(), stream::end));
    }

    private String json(Object initial) {
        try {
            return json.writeValueAsString(initial);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a board row cannot be written as JSON", e);
        }
    }

    /** The changes after {@code seq}, read from the database a batch at a time. */
    private Flux<BoardChange> missedAfter(long seq, String programmeId) {
        return Mono.fromCallable(() -> feed.after(seq, programmeId))
                .expand(batch -> batch.isEmpty()
                        ? Mono.empty()
                        : Mono.fromCallable(
                                () -> feed.after(batch.get(batch.size() - 1).seq(), programmeId)))
                .flatMapIterable(batch -> batch);
    }

    /**
     * A stream lives as long as the token that opened it (access is checked when a stream opens): when the token
     * expires the stream ends, and the client reconnects with a fresh token and {@code Last-Event-ID}. Without an
     * expiry (a Basic sign-in), it lives until the client leaves.
     */
    private static Duration lifetime(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getExpiresAt() != null) {
            return Duration.ofMillis(Math.max(
                    1,
                    Duration.between(Instant.now(), jwt.getToken().getExpiresAt())
                            .toMillis()));
        }
        return null;
    }

    private static Long first(Long header, Long parameter) {
        return header != null ? header : parameter;
    }
}
