package org.ippc.cpm.command.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ippc.cpm.command.security.Actors;
import org.ippc.cpm.command.security.OidcSettings;
import org.ippc.cpm.platform.WithDemoUsers;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a browser or a client learn whom its credentials stand for before it acts (the workbench builds on it). */
@RestController
@Tag(name = "Sign-in", description = "Who the credentials stand for (any signed-in role)")
class SignedInController {

    private final Actors actors;
    private final OidcSettings oidc;
    private final boolean passwords;

    SignedInController(Actors actors, OidcSettings oidc, Environment environment) {
        this.actors = actors;
        this.oidc = oidc;
        this.passwords = environment.getProperty(WithDemoUsers.SWITCH, Boolean.class, false);
    }

    @GetMapping("/api/sign-in")
    @Operation(
            operationId = "signInOptions",
            summary = "How a person signs in here: a password (where the demo users are) and/or OpenID Connect (PKCE)")
    SignInOptions signInOptions() {
        return new SignInOptions(passwords, oidc.signIn().orElse(null));
    }

    @GetMapping("/api/me")
    @Operation(
            operationId = "signedIn",
            summary = "The person, role and party the credentials stand for, and the commands the role may issue")
    SignedIn me(Authentication authentication) {
        return SignedIn.of(actors.of(authentication));
    }
}
