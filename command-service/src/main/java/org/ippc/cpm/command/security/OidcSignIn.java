package org.ippc.cpm.command.security;

import java.net.URI;

/**
 * How a browser signs a person in with the organisation's OpenID Connect provider: the authorization code flow with
 * PKCE (a public client, no secret), the dashboard exchanging the code for the token it then sends as a bearer token.
 * Configured by {@code cpm.security.oidc.*}; absent, the dashboard offers its password form (or a pasted token).
 */
public record OidcSignIn(URI authorizationUri, URI tokenUri, String clientId, String scope) {

    /** The origin the browser fetches the token from, which the pages' Content-Security-Policy must allow. */
    public String tokenOrigin() {
        return tokenUri.getScheme() + "://" + tokenUri.getRawAuthority();
    }
}
