package org.ippc.cpm.domain.programme;

/** Resources are funds or in kind, e.g. translation of documents (M1). */
public enum ResourceKind {
    FUNDS,
    IN_KIND
}
