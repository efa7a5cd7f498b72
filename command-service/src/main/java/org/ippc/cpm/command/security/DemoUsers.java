package org.ippc.cpm.command.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.ippc.cpm.domain.shared.Role;

/**
 * The demo users, one per role plus parties and RPPOs; username = password. A party's user acts for the party of its
 * name. They exist only where asked for ({@link org.ippc.cpm.platform.WithDemoUsers}).
 */
public final class DemoUsers {

    /** A demo user: its name (and password), its role, and the party it acts for, if its role acts for one. */
    public record DemoUser(String name, Role role, String party) {}

    public static final List<DemoUser> USERS;

    static {
        List<DemoUser> users = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role != Role.ENGINE && !role.actsForParty()) {
                users.add(new DemoUser(role.name().toLowerCase(Locale.ROOT).replace('_', '-'), role, null));
            }
        }
        for (String party : new String[] {"nz", "ke", "br", "fr", "jp", "ma"}) {
            users.add(new DemoUser(party, Role.CONTRACTING_PARTY, party.toUpperCase(Locale.ROOT)));
        }
        users.add(new DemoUser("eppo", Role.RPPO, "EPPO"));
        users.add(new DemoUser("nappo", Role.RPPO, "NAPPO"));
        USERS = Collections.unmodifiableList(users);
    }

    private DemoUsers() {}
}
