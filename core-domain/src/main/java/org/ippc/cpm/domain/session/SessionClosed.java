package org.ippc.cpm.domain.session;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** A CPM session closed; {@code notSelected} lists the proposals to it that lapsed (Y4). */
@Revision("2")
public record SessionClosed(SessionId sessionId, List<ProgrammeId> notSelected, Actor actor, String rationale)
        implements SessionEvent {

    public SessionClosed {
        notSelected = Validation.copyOf(notSelected, "notSelected");
    }
}
