package org.ippc.cpm.domain.shared;

/** Who acts in the CPM lifecycle (spec: "Who acts"). {@link #ENGINE} is the engine itself, never a person. */
public enum Role {
    SECRETARIAT,
    CPM,
    BUREAU,
    FINANCE_COMMITTEE,
    CONTRACTING_PARTY,
    RPPO,
    SPG,
    EXPERT,
    AUDITOR,
    VIEWER,
    ENGINE
}
