package org.ippc.cpm.command.security;

import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The OpenID Connect sign-in the dashboard offers, when {@code cpm.security.oidc.authorization-uri} is set. */
@Component
public class OidcSettings {

    private final OidcSignIn signIn;

    OidcSettings(
            @Value("${cpm.security.oidc.authorization-uri:}") String authorizationUri,
            @Value("${cpm.security.oidc.token-uri:}") String tokenUri,
            @Value("${cpm.security.oidc.client-id:cpm-dashboard}") String clientId,
            @Value("${cpm.security.oidc.scope:openid}") String scope) {
        this.signIn = authorizationUri.isBlank()
                ? null
                : new OidcSignIn(URI.create(authorizationUri), URI.create(tokenUri), clientId, scope);
    }

    public Optional<OidcSignIn> signIn() {
        return Optional.ofNullable(signIn);
    }
}
