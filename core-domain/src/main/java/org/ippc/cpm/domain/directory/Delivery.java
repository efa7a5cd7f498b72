package org.ippc.cpm.domain.directory;

/** How a contact point receives its notices: each at once, or gathered into one e-mail a day. */
public enum Delivery {
    IMMEDIATE,
    DAILY_DIGEST
}
