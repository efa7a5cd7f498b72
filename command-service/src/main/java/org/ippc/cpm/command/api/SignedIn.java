package org.ippc.cpm.command.api;

import java.util.Comparator;
import java.util.List;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.Role;

/** Who is signed in, as the events will record them, and the commands their role may issue (the spec's role table). */
public record SignedIn(String person, Role role, @Nullable String party, List<String> commands) {

    public static SignedIn of(Actor actor) {
        return new SignedIn(
                actor.person(),
                actor.role(),
                actor.party(),
                CommandCatalog.all().stream()
                        .filter(type -> type.allows(actor.role()))
                        .map(CommandType::name)
                        .sorted(Comparator.naturalOrder())
                        .toList());
    }
}
