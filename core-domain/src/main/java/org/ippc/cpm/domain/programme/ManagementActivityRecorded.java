package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** The Secretariat recorded a management activity. */
@Revision("2")
public record ManagementActivityRecorded(
        ProgrammeId programmeId, ManagementActivity activity, Actor actor, String rationale)
        implements ProgrammeEvent {}
