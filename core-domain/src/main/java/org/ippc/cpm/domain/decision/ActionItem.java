package org.ippc.cpm.domain.decision;

import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** A request a CPM decision addresses to a body, to report on by a later session (C1). */
public record ActionItem(String itemId, Body addressee, SessionId dueSession, String request) {

    public ActionItem {
        Validation.requireText(itemId, "itemId");
        Validation.requireValue(addressee, "addressee");
        Validation.requireValue(dueSession, "dueSession");
        Validation.requireText(request, "request");
    }
}
