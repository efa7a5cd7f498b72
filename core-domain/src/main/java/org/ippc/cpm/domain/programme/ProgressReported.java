package org.ippc.cpm.domain.programme;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat reported progress to a session; revision 2 or more revises that session's report (M3). */
@Revision("2")
public record ProgressReported(
        ProgrammeId programmeId,
        SessionId sessionId,
        int revision,
        String documentReference,
        Actor actor,
        String rationale)
        implements ProgrammeEvent, AtSession {

    public ProgressReported {
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
    }
}
