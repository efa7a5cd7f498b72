package org.ippc.cpm.projection.rebuild;

/** A rebuild was asked for while one runs (on any node): the API answers 409. */
public class RebuildRunning extends RuntimeException {

    RebuildRunning() {
        super("a rebuild is running; follow it with GET /api/admin/rebuild");
    }
}
