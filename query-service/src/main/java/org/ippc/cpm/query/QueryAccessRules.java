package org.ippc.cpm.query;

import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.platform.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may call the read side's paths: the dashboard's pages and scripts are open (they hold no data; what they show
 * comes from the secured API), the auditor's tools and the administration are the auditor's; everything else is any
 * signed-in role (the engine's last rule).
 */
@Component
class QueryAccessRules implements AccessRules {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths) {
        paths.requestMatchers(
                        PATHS.matcher("/"),
                        PATHS.matcher("/dashboard/**"),
                        PATHS.matcher("/favicon.ico"),
                        PATHS.matcher(HttpMethod.GET, "/api/messages/*"))
                .permitAll()
                .requestMatchers(PATHS.matcher("/api/audit/**"), PATHS.matcher("/api/admin/**"))
                .hasRole(Role.AUDITOR.name());
    }
}
