package org.ippc.cpm.command.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ippc.cpm.domain.shared.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * What a signed token must also say to be accepted (401 otherwise): the configured issuer and audience, an expiry,
 * a subject, an issue time not in the future; Spring's checks of expiry and not-before come with them. The role is
 * checked apart ({@link #grant}): a valid token without a known role (and party) is a signed-in user who may do
 * nothing (403).
 */
final class TokenRules {

    private TokenRules() {}

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, Clock clock) {
        if (properties.issuer() == null || properties.audience() == null) {
            throw new IllegalStateException("signing in with JWTs needs cpm.security.issuer and cpm.security.audience "
                    + "(CPM_SECURITY_ISSUER, CPM_SECURITY_AUDIENCE): the tokens this engine accepts must name both");
        }
        JwtTimestampValidator expiryAndNotBefore = new JwtTimestampValidator(properties.clockSkew());
        expiryAndNotBefore.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                expiryAndNotBefore,
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<Instant>(
                        JwtClaimNames.IAT,
                        iat -> iat == null || !iat.isAfter(clock.instant().plus(properties.clockSkew()))));
    }

    /**
     * The claims converted as Spring does (times as instants), except that a token without {@code iat} stays without:
     * Spring would set it to a second before {@code exp}, which the rule "not issued in the future" would refuse.
     */
    static Converter<Map<String, Object>, Map<String, Object>> claimsAsSent() {
        MappedJwtClaimSetConverter spring = MappedJwtClaimSetConverter.withDefaults(Map.of());
        return claims -> {
            Map<String, Object> converted = new HashMap<>(spring.convert(claims));
            if (!claims.containsKey(JwtClaimNames.IAT)) {
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        };
    }

    /**
     * The role the token names, if it is one of the spec's roles as written (never the engine's own), with the party
     * for a role that acts for one: a single string, a known code of that kind. A role that acts for no party may
     * name none. Anything else grants nothing and says why.
     */
    static Grant grant(Jwt token, SecurityProperties properties) {
        Object roleClaim = token.getClaims().get(properties.roleClaim());
        Optional<Role> role = Arrays.stream(Role.values())
                .filter(known -> known != Role.ENGINE && known.name().equals(roleClaim))
                .findFirst();
        if (role.isEmpty()) {
            return Grant.refused("The token names no role of the engine in its claim " + properties.roleClaim());
        }
        Object party = token.getClaims().get(properties.partyClaim());
        if (!role.get().actsForParty()) {
            return party == null
                    ? Grant.of(Actors.authorities(role.get(), null))
                    : Grant.refused("A %s token may not name a party (claim %s)"
                            .formatted(role.get(), properties.partyClaim()));
        }
        if (party instanceof String code && properties.knows(role.get(), code)) {
            return Grant.of(Actors.authorities(role.get(), code));
        }
        return Grant.refused("A %s token must name one known party code in its claim %s"
                .formatted(role.get(), properties.partyClaim()));
    }
}
