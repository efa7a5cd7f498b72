package org.ippc.cpm.query.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ippc.cpm.domain.programme.ProgrammeLifecycle;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.programme.Transition;
import org.ippc.cpm.query.Filters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read models for every signed-in user: the status board, a programme's timeline and funding, session agendas. */
@RestController
@RequestMapping(path = "/api/query", produces = "application/json")
@Tag(name = "Read models", description = "Status board, timelines, agendas and funding (any signed-in role)")
class BoardController {

    private final BoardQueries queries;

    BoardController(BoardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/programmes")
    @Operation(
            operationId = "board",
            summary = "The status board, filtered by stage, session or party, paged and sorted")
    Page<ProgrammeRow> board(
            @RequestParam(required = false)
                    @Parameter(allowEmptyValue = true, schema = @Schema(implementation = ProgrammeStage.class))
                    String stage,
            @RequestParam(required = false) String session,
            @RequestParam(required = false)
                    @Parameter(
                            allowEmptyValue = true,
                            description =
                                    "The code of a contracting party or RPPO (NZ, EPPO): the programmes it acted on")
                    String party,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String sort) {
        return queries.board(
                Filters.oneOf("stage", stage, ProgrammeStage.class),
                session,
                party,
                PageRequest.of(page, size, sort, BoardQueries.BOARD_SORT, "programme_id"));
    }

    @GetMapping("/programmes/{programmeId}")
    @Operation(summary = "One programme's row of the status board, with its next allowed actions")
    ProgrammeRow programme(@PathVariable String programmeId) {
        return queries.programme(programmeId);
    }

    @GetMapping("/programmes/{programmeId}/timeline")
    @Operation(summary = "Every step of a programme: time, session, actor, rationale")
    List<LogEntry> timeline(@PathVariable String programmeId) {
        return queries.timeline(programmeId);
    }

    @GetMapping("/programmes/{programmeId}/experts")
    @Operation(summary = "The experts appointed to a programme, released ones included")
    List<ExpertRow> experts(@PathVariable String programmeId) {
        queries.programme(programmeId);
        return queries.experts(programmeId);
    }

    @GetMapping("/programmes/{programmeId}/funding")
    @Operation(summary = "A programme's pledges, contributions and mobilised resources, one row each")
    List<FundingEntry> funding(@PathVariable String programmeId) {
        return queries.fundingOf(programmeId);
    }

    @GetMapping("/funding/by-programme")
    @Operation(summary = "Funding needed, pledged, contributed, mobilised and the gap, per programme")
    List<ProgrammeFunding> fundingByProgramme() {
        return queries.fundingByProgramme();
    }

    @GetMapping("/funding/by-party")
    @Operation(summary = "What each contracting party, RPPO or body pledged, contributed and mobilised")
    List<PartyFunding> fundingByParty() {
        return queries.fundingByParty();
    }

    @GetMapping("/sessions")
    @Operation(summary = "The CPM sessions the engine knows, with their status")
    List<SessionRow> sessions() {
        return queries.sessions();
    }

    @GetMapping("/sessions/{sessionId}/agenda")
    @Operation(summary = "A session's agenda: proposals, presentations, decisions taken, action items due and overdue")
    Agenda agenda(@PathVariable String sessionId) {
        return queries.agenda(sessionId);
    }

    @GetMapping("/lifecycle")
    @Operation(summary = "The programme lifecycle: which command moves a programme from which stage to which")
    List<Transition> lifecycle() {
        return ProgrammeLifecycle.TRANSITIONS;
    }
}
