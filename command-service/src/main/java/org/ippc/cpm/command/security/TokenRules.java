package org.ippc.cpm.command.security;

import org.ippc.cpm.domain.shared.Role;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * What a signed token must also say to be accepted (401 otherwise): the configured issuer and audience, an expiry,
 * a subject, an issue time not in the future; Spring's checks of expiry and not-before come with them. The role is
 * checked apart ({@link #role}): a valid token without a known role is a signed-in user who may do nothing (403).
 */
final class TokenRules {

    /** How far the issuer's clock may run ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenRules() {
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, Clock clock) {
        if (properties.issuer() == null || properties.audience() == null) {
            throw new IllegalStateException("the production profile needs cpm.security.issuer and cpm.security.audience "
                    + "(CPM_SECURITY_ISSUER, CPM_SECURITY_AUDIENCE): the tokens this engine accepts must name both");
        }
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
                        iat -> iat == null || !iat.isAfter(clock.instant().plus(CLOCK_SKEW))));
    }

    /** The token's role if it names exactly one of the spec's roles, as written; never the engine's own. */
    static Optional<Role> role(Jwt token, SecurityProperties properties) {
        if (!(token.getClaims().get(properties.roleClaim()) instanceof String name)) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values()).filter(role -> role != Role.ENGINE && role.name().equals(name)).findFirst();
    }
}
