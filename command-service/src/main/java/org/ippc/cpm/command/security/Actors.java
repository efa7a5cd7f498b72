package org.ippc.cpm.command.security;

import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The actor recorded in events comes from the authenticated principal, never from the request body: the person is
 * the principal's name (a token's {@code sub}), the role and the party are its authorities, granted only after the
 * token or the demo user was checked ({@link TokenRules}).
 */
@Component
public class Actors {

    private static final String ROLE = "ROLE_";
    private static final String PARTY = "PARTY_";

    /** The authorities of a person in {@code role}, acting for {@code party} when the role acts for one. */
    static List<GrantedAuthority> authorities(Role role, String party) {
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(ROLE + role.name())));
        if (party != null) {
            authorities.add(new SimpleGrantedAuthority(PARTY + party));
        }
        return authorities;
    }

    public Actor of(Authentication authentication) {
        Role role = Role.valueOf(one(authentication, ROLE));
        if (role == Role.ENGINE) {
            throw new AccessDeniedException("the engine's own role is never a person's");
        }
        String party = role.actsForParty() ? one(authentication, PARTY) : null;
        return new Actor(role, authentication.getName(), party);
    }

    private static String one(Authentication authentication, String prefix) {
        List<String> values = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .toList();
        if (values.size() != 1) {
            throw new AccessDeniedException(
                    "%s has %d authorities %s*, not one".formatted(authentication.getName(), values.size(), prefix));
        }
        return values.get(0);
    }
}
