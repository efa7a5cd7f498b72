package org.ippc.cpm.command.security;

import org.ippc.cpm.domain.shared.Role;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded profile's demo users, one per role plus parties and RPPOs; username = password. They do not exist in
 * the production profile.
 */
public final class DemoUsers {

    public static final Map<String, Role> USERS = new LinkedHashMap<>();

    static {
        for (Role role : Role.values()) {
            if (role != Role.ENGINE && role != Role.CONTRACTING_PARTY && role != Role.RPPO) {
                USERS.put(role.name().toLowerCase().replace('_', '-'), role);
            }
        }
        for (String party : new String[]{"nz", "ke", "br", "fr", "jp"}) {
            USERS.put(party, Role.CONTRACTING_PARTY);
        }
        USERS.put("eppo", Role.RPPO);
        USERS.put("nappo", Role.RPPO);
    }

    private DemoUsers() {
    }
}
