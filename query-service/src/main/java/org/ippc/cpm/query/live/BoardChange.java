package org.ippc.cpm.query.live;

import org.ippc.cpm.query.board.ProgrammeRow;

/** A programme's board row after the change numbered {@code seq} in {@code board_update} (the SSE event id). */
public record BoardChange(long seq, ProgrammeRow programme) {
}
