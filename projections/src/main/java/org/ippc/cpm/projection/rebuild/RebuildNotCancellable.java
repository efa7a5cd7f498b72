package org.ippc.cpm.projection.rebuild;

/** A rebuild was asked to stop while none that can stop runs: the API answers 409. */
public class RebuildNotCancellable extends RuntimeException {

    RebuildNotCancellable() {
        super("no rebuild in bulk is running; a replay in the processor cannot be cancelled (its tables were emptied"
                + " when it began)");
    }
}
