package org.ippc.cpm.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.query.BadQuery;
import org.ippc.cpm.query.Filters;
import org.ippc.cpm.query.ResponseGate;
import org.ippc.cpm.query.board.BoardQueries;
import org.ippc.cpm.query.board.LogEntry;
import org.ippc.cpm.query.board.LogFilter;
import org.ippc.cpm.query.board.Page;
import org.ippc.cpm.query.board.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import reactor.core.publisher.Mono;

/** The auditor's tools: histories and states straight from the event store, the decision log, export and verification. */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description = "History, as-of state, diff, decision log, export and hash-chain verification (AUDITOR)")
class AuditController {

    private static final Map<String, String> LOG_SORT = Map.of(
            "globalIndex",
            "global_index",
            "occurredAt",
            "occurred_at",
            "sessionId",
            "session_id",
            "eventType",
            "event_type");

    private final EventHistory history;
    private final AggregateStates states;
    private final BoardQueries queries;
    private final LogExport export;
    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;

    AuditController(
            EventHistory history,
            AggregateStates states,
            BoardQueries queries,
            LogExport export,
            ChainVerifier verifier,
            Checkpoints checkpoints) {
        this.history = history;
        this.states = states;
        this.queries = queries;
        this.export = export;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping(path = "/aggregates/{aggregateId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "history",
            summary = "Every event of a programme, round, session or decision, in order, with metadata and hash links")
    List<HistoryEntry> history(@PathVariable String aggregateId) {
        return history.history(aggregateId);
    }

    @GetMapping(path = "/aggregates/{aggregateId}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "stateAsOf",
            summary = "The aggregate's state as of an instant (asOf), a day (on), a version, or when a session opened"
                    + " or closed (session and moment), replayed from its events")
    AggregateState state(
            @PathVariable String aggregateId,
            @RequestParam(required = false) @Parameter(description = "An instant of recording time") String asOf,
            @RequestParam(required = false)
                    @Parameter(
                            description = "A day: the events that took place by its end (Took-Place-On, else the"
                                    + " recording day in UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    String on,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) @Parameter(description = "A session, e.g. CPM-10: as it stood then")
                    String session,
            @RequestParam(defaultValue = "closed") @Parameter(schema = @Schema(allowableValues = {"opened", "closed"}))
                    String moment) {
        List<HistoryPoint> given = new ArrayList<>();
        if (asOf != null && !asOf.isBlank()) {
            given.add(HistoryPoint.recordedBy(instant("asOf", asOf)));
        }
        if (on != null && !on.isBlank()) {
            given.add(HistoryPoint.tookPlaceBy(day("on", on)));
        }
        if (version != null) {
            given.add(HistoryPoint.version(version));
        }
        if (session != null && !session.isBlank()) {
            given.add(HistoryPoint.recordedBy(sessionMoment(session, moment)));
        }
        if (given.size() != 1) {
            throw new BadQuery("give exactly one of asOf (an ISO-8601 instant), on (a day), version (a sequence"
                    + " number) or session (with moment)");
        }
        return states.at(aggregateId, given.get(0));
    }

    /** When the session opened or closed, from its own events in the store. */
    private Instant sessionMoment(String session, String moment) {
        String eventType = switch (moment) {
            case "opened" -> "SessionOpened";
            case "closed" -> "SessionClosed";
            default -> throw new BadQuery("moment must be one of opened, closed");
        };
        return history.history(session).stream()
                .filter(event -> event.eventType().equals(eventType))
                .map(HistoryEntry::timestamp)
                .findFirst()
                .orElseThrow(() -> new BadQuery("%s has not %s".formatted(session, moment)));
    }

    @GetMapping(path = "/aggregates/{aggregateId}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "stateDiff",
            summary = "Which fields changed between two points of the history, and by which events")
    StateDiff diff(
            @PathVariable String aggregateId,
            @RequestParam @Parameter(description = POINT) String from,
            @RequestParam @Parameter(description = POINT) String to) {
        return states.diff(aggregateId, point("from", from), point("to", to));
    }

    private static final String POINT = "An instant (2016-04-05T12:00:00Z), a day (2016-04-05: the events that took"
            + " place by its end) or a session's moment (CPM-10:closed, CPM-11:opened)";
    private static final Pattern SESSION_MOMENT = Pattern.compile("(.+):(opened|closed)");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private HistoryPoint point(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadQuery(name + " is required: " + POINT);
        }
        Matcher moment = SESSION_MOMENT.matcher(value);
        if (moment.matches()) {
            return HistoryPoint.recordedBy(sessionMoment(moment.group(1), moment.group(2)));
        }
        return DAY.matcher(value).matches()
                ? HistoryPoint.tookPlaceBy(day(name, value))
                : HistoryPoint.recordedBy(instant(name, value));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQuery(name + " must be a day such as 2016-04-05");
        }
    }

    @GetMapping(path = "/log", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "decisionLog",
            summary = "The decision log filtered by session, actor, role, event type, programme and [from, to), paged")
    Page<LogEntry> log(
            @RequestParam(required = false) String session,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false)
                    @Parameter(allowEmptyValue = true, schema = @Schema(implementation = Role.class))
                    String role,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String sort) {
        return queries.log(
                filter(session, actor, role, eventType, programme, from, to),
                PageRequest.of(page, size, sort, LOG_SORT, "global_index"));
    }

    @GetMapping("/log/export")
    @Operation(
            operationId = "exportLog",
            summary = "The whole decision log from the event store, streamed as CSV or JSON, with the same filters",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The log as an attachment: a JSON array, or CSV with the same columns but"
                                    + " the payload",
                            content = {
                                @Content(
                                        mediaType = "application/json",
                                        array = @ArraySchema(schema = @Schema(implementation = ExportedEvent.class))),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
                            }))
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "json") @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
                    String format,
            @RequestParam(required = false) String session,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false)
                    @Parameter(allowEmptyValue = true, schema = @Schema(implementation = Role.class))
                    String role,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request) {
        LogFilter filter = filter(session, actor, role, eventType, programme, from, to);
        Mono<Void> gate = ResponseGate.opened(request);
        return switch (format) {
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cpm-decision-log.csv\"")
                        .body(out -> {
                            gate.block();
                            export.csv(filter, out);
                        });
            case "json" ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cpm-decision-log.json\"")
                        .body(out -> {
                            gate.block();
                            export.json(filter, out);
                        });
            default -> throw new BadQuery("format must be csv or json");
        };
    }

    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "verifyChains",
            summary = "Walks the event store's hash chains and reports the first broken link (ADR 0005)")
    ChainVerification verify() {
        return verifier.verify();
    }

    @GetMapping(path = "/checkpoint", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "takeCheckpoint",
            summary = "The head of every hash chain now, signed by the engine: keep it outside the engine (ADR 0005)")
    Checkpoint checkpoint() {
        return checkpoints.take();
    }

    @PostMapping(
            path = "/checkpoint/verify",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "verifyCheckpoint",
            summary = "Whether a kept checkpoint was signed by this engine and every chain still holds the head it saw"
                    + " (detects events deleted from the end of a chain with their hashes)")
    CheckpointVerification verifyCheckpoint(@RequestBody Checkpoint checkpoint) {
        return checkpoints.verify(checkpoint);
    }

    private static LogFilter filter(
            String session, String actor, String role, String eventType, String programme, String from, String to) {
        return new LogFilter(
                session,
                actor,
                Filters.oneOf("role", role, Role.class),
                eventType,
                programme,
                instant("from", from),
                instant("to", to));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQuery(name + " must be an ISO-8601 instant such as 2026-11-27T10:15:30Z");
        }
    }
}
