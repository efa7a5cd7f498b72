package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;

/** An earlier event of the programme was corrected; the corrected event stays as it was (A1). */
@Revision("2")
public record RecordCorrected(
        ProgrammeId programmeId, long correctedSequence, String correction, Actor actor, String rationale)
        implements ProgrammeEvent {}
