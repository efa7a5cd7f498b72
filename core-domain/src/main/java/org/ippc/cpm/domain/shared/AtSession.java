package org.ippc.cpm.domain.shared;

/** An event that names the CPM session it happened at or for: what the decision log files it under. */
public interface AtSession {

    SessionId sessionId();
}
