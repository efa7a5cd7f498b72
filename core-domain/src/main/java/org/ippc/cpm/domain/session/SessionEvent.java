package org.ippc.cpm.domain.session;

import org.ippc.cpm.domain.shared.CpmEvent;
import org.ippc.cpm.domain.shared.SessionId;

/** Every event of the {@link CpmSession} aggregate; sealed so that projections can switch over them exhaustively. */
public sealed interface SessionEvent extends CpmEvent
        permits SessionClosed,
        SessionOpened,
        SessionScheduled {

    SessionId sessionId();
}
