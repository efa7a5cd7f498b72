package org.ippc.cpm.query.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.ippc.cpm.query.board.ProgrammeRow;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-Sent Events over Axon subscription queries: a snapshot, then every change, each with its feed number as the
 * event id. A client that reconnects with {@code Last-Event-ID} first receives the changes it missed, from the database.
 */
@RestController
@RequestMapping("/api/live")
@Tag(name = "Live updates", description = "Server-Sent Events for dashboards (any signed-in role)")
class LiveController {

    private final QueryGateway queries;
    private final BoardFeed feed;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();

    LiveController(QueryGateway queries, BoardFeed feed) {
        this.queries = queries;
        this.feed = feed;
    }

    @GetMapping(path = "/board", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The status board as a stream: a snapshot, then each changed programme row")
    SseEmitter board(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                     @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam,
                     Authentication authentication) {
        return open(queries.subscriptionQuery(new WatchBoard(), ResponseTypes.multipleInstancesOf(ProgrammeRow.class),
                ResponseTypes.instanceOf(BoardChange.class)), first(lastEventId, lastEventIdParam), null, authentication);
    }

    @GetMapping(path = "/programmes/{programmeId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "One programme as a stream: its row, then each change to it")
    SseEmitter programme(@PathVariable String programmeId,
                         @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                         @RequestParam(name = "lastEventId", required = false) Long lastEventIdParam,
                         Authentication authentication) {
        return open(queries.subscriptionQuery(new WatchProgramme(programmeId), ResponseTypes.instanceOf(ProgrammeRow.class),
                ResponseTypes.instanceOf(BoardChange.class)), first(lastEventId, lastEventIdParam), programmeId, authentication);
    }

    /** Proxies close idle connections and clients notice dead ones only when something is sent. */
    @Scheduled(fixedRateString = "${cpm.live.heartbeat-interval}")
    void heartbeat() {
        streams.removeIf(stream -> !stream.isOpen());
        streams.forEach(LiveStream::heartbeat);
    }

    private <I> SseEmitter open(SubscriptionQueryResult<I, BoardChange> result, Long lastEventId, String programmeId,
                                Authentication authentication) {
        SseEmitter emitter = new SseEmitter(lifetime(authentication));
        long head = feed.head();
        LiveStream stream = new LiveStream(emitter, lastEventId == null ? head : lastEventId);
        streams.add(stream);
        Runnable close = () -> {
            stream.close();
            result.cancel();
            streams.remove(stream);
        };
        emitter.onCompletion(close);
        emitter.onTimeout(() -> {
            close.run();
            emitter.complete();
        });
        emitter.onError(failure -> close.run());
        stream.heartbeat();
        stream.subscribed(result.updates().publishOn(Schedulers.parallel()).subscribe(stream::live, failure -> close.run()));
        if (lastEventId == null) {
            stream.snapshot(result.initialResult().block(), head);
        } else {
            List<BoardChange> missed;
            long from = lastEventId;
            while (!(missed = feed.after(from, programmeId)).isEmpty()) {
                stream.missed(missed);
                from = missed.get(missed.size() - 1).seq();
            }
        }
        stream.caughtUp();
        return emitter;
    }

    /**
     * A stream lives as long as the token that opened it (access is checked when a stream opens): when the token
     * expires the stream ends, and the client reconnects with a fresh token and {@code Last-Event-ID}. Without an
     * expiry (a Basic sign-in), it lives until the client leaves.
     */
    private static long lifetime(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null) {
            return Math.max(1, Duration.between(Instant.now(), jwt.getToken().getExpiresAt()).toMillis());
        }
        return 0L;
    }

    private static Long first(Long header, Long parameter) {
        return header != null ? header : parameter;
    }
}
