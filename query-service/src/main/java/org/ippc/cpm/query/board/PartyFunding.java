package org.ippc.cpm.query.board;

import java.math.BigDecimal;
import org.ippc.cpm.domain.shared.Role;

/** What one contracting party, RPPO or body pledged, contributed and mobilised, over how many programmes. */
public record PartyFunding(
        String party,
        Role partyRole,
        BigDecimal pledgedUsd,
        BigDecimal contributedUsd,
        BigDecimal mobilisedUsd,
        long programmes) {}
