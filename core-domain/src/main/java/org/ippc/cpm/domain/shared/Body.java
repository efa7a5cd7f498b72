package org.ippc.cpm.domain.shared;

/** A body that a CPM decision can address an action item to (C1), and the role that speaks for it (C2). */
public enum Body {
    SECRETARIAT(Role.SECRETARIAT),
    BUREAU(Role.BUREAU),
    SPG(Role.SPG),
    FINANCE_COMMITTEE(Role.FINANCE_COMMITTEE);

    private final Role role;

    Body(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
