package org.ippc.cpm.domain.directory;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Language;

/** A person was named (or named again) as a contact point of the addressee. */
@Revision("2")
public record ContactPointRegistered(
        Addressee addressee, String person, String email, Language language, Actor actor, String rationale)
        implements DirectoryEvent {}
