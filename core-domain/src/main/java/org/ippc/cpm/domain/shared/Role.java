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
    ENGINE;

    /** A contracting party or an RPPO: a person signed in for a party, whose code every event records with the person. */
    public boolean actsForParty() {
        return this == CONTRACTING_PARTY || this == RPPO;
    }
}
