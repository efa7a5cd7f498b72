package org.ippc.cpm.command.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.ippc.cpm.domain.shared.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tokens the engine accepts (wherever the demo users are off): which JWT claims carry the CPM role and the party code, and the issuer and the
 * audience a token must name (both required there: a token meant for another application is refused). The party
 * codes a person may act for: contracting parties (by default every ISO 3166 country code and {@code EU}) and RPPOs
 * (by default the ten the IPPC recognises). {@code clockSkew}: how far the issuer's clock and ours may differ, for a
 * token's expiry, not-before and issue time (30 s by default).
 */
@ConfigurationProperties("cpm.security")
public record SecurityProperties(
        String roleClaim,
        String partyClaim,
        String issuer,
        String audience,
        Set<String> contractingParties,
        Set<String> rppos,
        Duration clockSkew) {

    static final List<String> IPPC_RPPOS =
            List.of("APPPC", "CA", "CAHFSA", "COSAVE", "EPPO", "IAPSC", "NAPPO", "NEPPO", "OIRSA", "PPPO");

    public SecurityProperties {
        roleClaim = roleClaim == null ? "cpm_role" : roleClaim;
        partyClaim = partyClaim == null ? "cpm_party" : partyClaim;
        contractingParties = contractingParties == null || contractingParties.isEmpty()
                ? Set.copyOf(Stream.concat(Arrays.stream(Locale.getISOCountries()), Stream.of("EU"))
                        .toList())
                : Set.copyOf(contractingParties);
        rppos = rppos == null || rppos.isEmpty() ? Set.copyOf(IPPC_RPPOS) : Set.copyOf(rppos);
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }

    /** Whether a person in {@code role} may act for {@code party}: a known code of that kind, exactly as written. */
    boolean knows(Role role, String party) {
        return switch (role) {
            case CONTRACTING_PARTY -> contractingParties.contains(party);
            case RPPO -> rppos.contains(party);
            default -> false;
        };
    }
}
