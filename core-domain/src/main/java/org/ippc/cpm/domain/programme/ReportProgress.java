package org.ippc.cpm.domain.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat reports progress to a CPM session after the year-1 session (M3). */
@Summary("The Secretariat reports progress to a later session (M3)")
@IssuedBy(value = Role.SECRETARIAT, rule = "M3")
public record ReportProgress(
        @TargetAggregateIdentifier ProgrammeId programmeId,
        @RequiredBy("M3") SessionId sessionId,
        @Nullable String documentReference,
        Actor actor,
        String rationale) {

    public ReportProgress {
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireValue(sessionId, "sessionId");
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
