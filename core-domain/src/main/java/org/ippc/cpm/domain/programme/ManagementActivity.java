package org.ippc.cpm.domain.programme;

/** The eight kinds of management the Secretariat leads (M2; document: "Management"). */
public enum ManagementActivity {
    ADVOCACY,
    FINANCIAL_MANAGEMENT,
    STRATEGIC_PLANNING,
    OPERATIONAL_PLANNING_AND_COORDINATION,
    MONITORING,
    COMMUNICATIONS,
    RESOURCE_MOBILISATION,
    REPORTING
}
