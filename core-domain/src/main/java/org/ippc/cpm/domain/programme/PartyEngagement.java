package org.ippc.cpm.domain.programme;

/** What contracting parties and RPPOs record under management (M2; document: "Contracting parties, RPPOs"). */
public enum PartyEngagement {
    COMMITMENT,
    ADVOCACY,
    IN_COUNTRY_MONITORING,
    COMMUNICATION,
    ACHIEVEMENT
}
