package org.ippc.cpm.query.live;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.query.board.ProgrammeRow;

/**
 * A programme's board row after the change numbered {@code seq} in {@code board_update} (the SSE event id), with its
 * Server-Sent Event encoded once for every subscriber it goes to.
 */
public record BoardChange(
        long seq, ProgrammeRow programme, @JsonIgnore SseFrame frame) {

    private static final ObjectMapper JSON = CpmJson.objectMapper();

    static BoardChange of(long seq, ProgrammeRow programme) {
        try {
            return new BoardChange(
                    seq,
                    programme,
                    programme == null
                            ? null
                            : SseFrame.event("programme", seq, JSON.writeValueAsString(new Sent(seq, programme))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a board row cannot be written as JSON", e);
        }
    }

    /** What a subscriber receives. */
    private record Sent(long seq, ProgrammeRow programme) {}
}
