package org.ippc.cpm.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ippc.cpm.command.security.OidcSignIn;
import org.ippc.cpm.domain.shared.Nullable;

/** How a person signs in here: with a password (the demo users, where they are asked for), and/or with OpenID Connect. */
public record SignInOptions(
        boolean passwords,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) OidcSignIn oidc) {}
