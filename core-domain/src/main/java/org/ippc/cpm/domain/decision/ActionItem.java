package org.ippc.cpm.domain.decision;

import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;

/** A request a CPM decision addresses to a body, to report on by a later session (C1). */
public record ActionItem(
        @RequiredBy("C1") String itemId,
        @RequiredBy("C1") Body addressee,
        @RequiredBy("C1") SessionId dueSession,
        @RequiredBy("C1") String request) {

    public ActionItem {
        Validation.requireText(itemId, "itemId");
        Validation.requireValue(addressee, "addressee");
        Validation.requireValue(dueSession, "dueSession");
        Validation.requireText(request, "request");
    }
}
