package org.ippc.cpm.query.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.ippc.cpm.query.board.ProgrammeRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Server-Sent Events over Axon subscription queries, as one Reactor pipeline per client: a snapshot (or, for a client
 * that reconnects with {@code Last-Event-ID}, the changes it missed, from the database), then every change, each with
 * its feed number as the event id and each once, in order; heartbeats throughout; the end when the token that opened
 * the stream expires.
 */
@RestController
@RequestMapping("/api/live")
@Tag(name = "Live updates", description = "Server-Sent Events for dashboards (any signed-in role)")
class LiveController {

    private final QueryGateway queries;
    private final BoardFeed feed;
    private final Duration heartbeat;
    private final LiveMetrics metrics;

    LiveController(
            QueryGateway queries,
            BoardFeed feed,
            @Value("${cpm.live.heartbeat-interval}") Duration heartbeat,
            LiveMetrics metrics) {
        this.queries = queries;
        this.feed = feed;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
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
    Flux<ServerSentEvent<Object>> board(
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam,
            Authentication authentication) {
        return stream(
                () -> queries.subscriptionQuery(
                        new WatchBoard(),
                        ResponseTypes.multipleInstancesOf(ProgrammeRow.class),
                        ResponseTypes.instanceOf(BoardChange.class)),
                first(lastEventId, lastEventIdParam),
                null,
                authentication);
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
    Flux<ServerSentEvent<Object>> programme(
            @PathVariable String programmeId,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam,
            Authentication authentication) {
        return stream(
                () -> queries.subscriptionQuery(
                        new WatchProgramme(programmeId),
                        ResponseTypes.instanceOf(ProgrammeRow.class),
                        ResponseTypes.instanceOf(BoardChange.class)),
                first(lastEventId, lastEventIdParam),
                programmeId,
                authentication);
    }

    /**
     * The subscription is made first, so that changes committed while the snapshot or the missed changes are read
     * wait in its buffer; a change is sent only if its number is above the last one sent.
     */
    private <I> Flux<ServerSentEvent<Object>> stream(
            Supplier<SubscriptionQueryResult<I, BoardChange>> subscribe,
            Long lastEventId,
            String programmeId,
            Authentication authentication) {
        return Flux.defer(() -> {
            SubscriptionQueryResult<I, BoardChange> result = subscribe.get();
            long head = feed.head();
            AtomicLong lastSent = new AtomicLong(lastEventId == null ? head : lastEventId);
            Flux<ServerSentEvent<Object>> start = lastEventId == null
                    ? result.initialResult()
                            .map(initial -> ServerSentEvent.builder((Object) initial)
                                    .event("snapshot")
                                    .id(Long.toString(head))
                                    .build())
                            .flux()
                    : Flux.empty();
            Flux<BoardChange> missed = lastEventId == null ? Flux.empty() : missedAfter(lastEventId, programmeId);
            Flux<ServerSentEvent<Object>> changes = Flux.concat(
                            missed, result.updates().publishOn(Schedulers.parallel()))
                    .filter(change -> change.programme() != null && change.seq() > lastSent.get())
                    .doOnNext(change -> {
                        lastSent.set(change.seq());
                        metrics.delivered(change.programme().lastChangedAt());
                    })
                    .map(change -> ServerSentEvent.builder((Object) change.json())
                            .event("programme")
                            .id(Long.toString(change.seq()))
                            .build());
            Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(Duration.ZERO, heartbeat)
                    .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
            Flux<ServerSentEvent<Object>> events = Flux.merge(heartbeats, Flux.concat(start, changes));
            Duration lifetime = lifetime(authentication);
            metrics.opened();
            return (lifetime == null ? events : events.take(lifetime)).doFinally(signal -> {
                metrics.closed();
                result.cancel();
            });
        });
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
