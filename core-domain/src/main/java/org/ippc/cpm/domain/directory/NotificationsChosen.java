package org.ippc.cpm.domain.directory;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;

/** A contact point's choice of delivery and of optional notices was recorded. */
@Revision("2")
public record NotificationsChosen(
        Addressee addressee, String person, Delivery delivery, boolean optionalNotices, Actor actor, String rationale)
        implements DirectoryEvent {}
