package org.ippc.cpm.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which JWT claims carry the CPM role and the party code in the production profile. */
@ConfigurationProperties("cpm.security")
public record SecurityProperties(String roleClaim, String partyClaim) {

    public SecurityProperties {
        roleClaim = roleClaim == null ? "cpm_role" : roleClaim;
        partyClaim = partyClaim == null ? "cpm_party" : partyClaim;
    }
}
