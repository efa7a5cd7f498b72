package org.ippc.cpm.domain.directory;

import org.ippc.cpm.domain.shared.CpmEvent;

/** An event of the directory of contact points. */
public sealed interface DirectoryEvent extends CpmEvent
        permits ContactPointRegistered, ContactPointRemoved, NotificationsChosen {

    Addressee addressee();
}
