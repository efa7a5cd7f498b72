package org.ippc.cpm.query.live;

import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.ippc.cpm.query.board.BoardQueries;
import org.ippc.cpm.query.board.PageRequest;
import org.ippc.cpm.query.board.ProgrammeRow;
import org.springframework.stereotype.Component;

/** The initial answers of the live subscription queries; their updates come from {@link LiveUpdatePoller}. */
@Component
class LiveQueryHandlers {

    private final BoardQueries queries;

    LiveQueryHandlers(BoardQueries queries) {
        this.queries = queries;
    }

    @QueryHandler
    List<ProgrammeRow> board(WatchBoard query) {
        return queries.board(null, null, null, PageRequest.of(0, PageRequest.MAX_SIZE, null, Map.of(), "programme_id"))
                .items();
    }

    @QueryHandler
    ProgrammeRow programme(WatchProgramme query) {
        return queries.programme(query.programmeId());
    }
}
