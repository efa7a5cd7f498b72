package org.ippc.cpm.projection.rebuild;

/** Thrown in the rebuilding thread when an auditor has cancelled the rebuild: its transaction rolls back. */
final class RebuildCancelled extends RuntimeException {

    RebuildCancelled(String by) {
        super("cancelled by " + by + ": the read models are as before");
    }
}
