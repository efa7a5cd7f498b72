package org.ippc.cpm.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The production profile's tokens: which JWT claims carry the CPM role and the party code, and the issuer and the
 * audience a token must name (both required there: a token meant for another application is refused).
 */
@ConfigurationProperties("cpm.security")
public record SecurityProperties(String roleClaim, String partyClaim, String issuer, String audience) {

    public SecurityProperties {
        roleClaim = roleClaim == null ? "cpm_role" : roleClaim;
        partyClaim = partyClaim == null ? "cpm_party" : partyClaim;
    }
}
