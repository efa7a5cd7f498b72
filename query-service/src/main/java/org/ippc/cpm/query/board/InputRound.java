package org.ippc.cpm.query.board;

import java.time.Instant;

/** The prioritisation round for a session: until when it takes input (P1), and whether input was closed early. */
public record InputRound(String roundId, Instant inputDeadline, boolean inputClosed) {}
