package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;

/** The CPM delegated development and operational guidance (Y3). */
@Revision("2")
public record DevelopmentDelegated(
        ProgrammeId programmeId,
        SessionId sessionId,
        Body developer,
        Body operationalGuidance,
        Actor actor,
        String rationale)
        implements ProgrammeEvent, AtSession {}
