package org.ippc.cpm.command.axon;

/** If-Match named a version the aggregate is no longer (or not yet) at; nothing was recorded. */
public class VersionMismatch extends RuntimeException {

    private final long current;

    public VersionMismatch(String aggregateId, long expected, long current) {
        super("%s is at version %d, not %d".formatted(aggregateId, current, expected));
        this.current = current;
    }

    public long current() {
        return current;
    }
}
