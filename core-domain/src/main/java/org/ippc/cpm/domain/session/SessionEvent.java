package org.ippc.cpm.domain.session;

import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.CpmEvent;

/** Every event of the {@link CpmSession} aggregate; sealed so that projections can switch over them exhaustively. */
public sealed interface SessionEvent extends CpmEvent, AtSession
        permits SessionClosed, SessionOpened, SessionScheduled {}
