package org.ippc.cpm.command.security;

import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The actor recorded in events comes from the authenticated principal, never from the request body. */
@Component
public class Actors {

    private final SecurityProperties properties;

    Actors(SecurityProperties properties) {
        this.properties = properties;
    }

    public Actor of(Authentication authentication) {
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> Role.valueOf(a.substring(5)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no CPM role for " + authentication.getName()));
        String id = authentication.getName();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().hasClaim(properties.partyClaim())) {
            id = jwt.getToken().getClaimAsString(properties.partyClaim());
        }
        boolean party = role == Role.CONTRACTING_PARTY || role == Role.RPPO;
        return new Actor(role, party ? id.toUpperCase(Locale.ROOT) : id);
    }
}
