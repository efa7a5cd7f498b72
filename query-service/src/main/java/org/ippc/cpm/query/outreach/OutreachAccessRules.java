package org.ippc.cpm.query.outreach;

import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.platform.AccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may call the outreach paths: the calendar feeds and the choice pages of e-mails are open (their addresses are
 * secret or signed); subscriptions and the outbox are the Secretariat's and the auditors'; feeds are made by the
 * Secretariat.
 */
@Component
class OutreachAccessRules implements AccessRules {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths) {
        paths.requestMatchers(PATHS.matcher("/feeds/calendar/**"), PATHS.matcher("/outreach/choices/**"))
                .permitAll()
                .requestMatchers(PATHS.matcher("/api/webhooks/**"), PATHS.matcher("/api/outreach/**"))
                .hasAnyRole(Role.SECRETARIAT.name(), Role.AUDITOR.name())
                .requestMatchers(PATHS.matcher("/api/calendar-feeds/**"))
                .hasRole(Role.SECRETARIAT.name());
    }
}
