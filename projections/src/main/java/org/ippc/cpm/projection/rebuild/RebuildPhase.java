package org.ippc.cpm.projection.rebuild;

/** Where the latest rebuild of the read models is; {@link RebuildStatus#percent()} counts only the events applied. */
public enum RebuildPhase {
    /** Taking the processor's segments from every node and emptying the tables; no event applied yet. */
    STARTING,
    /** Applying the events up to the head recorded at the start. */
    REPLAYING,
    /**
     * Every event applied; writing the board, building the new tables' keys and indexes and swapping them in (on
     * PostgreSQL this waits for readers in long transactions, up to {@code cpm.rebuild.swap-lock-wait}).
     */
    FINISHING,
    /** Not running: see the outcome. */
    ENDED;

    /** The phase of a rebuild whose replay stands at {@code position} of the {@code head} recorded at its start. */
    static RebuildPhase of(boolean running, long position, long head) {
        if (!running) {
            return ENDED;
        }
        if (position < 0) {
            return STARTING;
        }
        return position < head ? REPLAYING : FINISHING;
    }
}
