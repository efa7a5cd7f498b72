package org.ippc.cpm.command.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;

/** What a valid token lets its holder do: the authorities of one known role and its party, or none and why. */
record Grant(List<GrantedAuthority> authorities, String refusal) {

    static Grant of(List<GrantedAuthority> authorities) {
        return new Grant(authorities, null);
    }

    static Grant refused(String why) {
        return new Grant(List.of(), why);
    }
}
