package org.ippc.cpm.domain.directory;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;

/** A person is no longer a contact point of the addressee. */
@Revision("2")
public record ContactPointRemoved(Addressee addressee, String person, Actor actor, String rationale)
        implements DirectoryEvent {}
