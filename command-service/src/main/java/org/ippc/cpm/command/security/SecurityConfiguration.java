package org.ippc.cpm.command.security;

import org.ippc.cpm.command.api.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.DispatcherType;
import org.ippc.cpm.domain.shared.Role;

import java.time.Clock;

import java.util.List;
import java.util.Locale;

/**
 * Every endpoint but health needs an authenticated principal. The embedded profile authenticates the demo users
 * with HTTP Basic; the production profile is an OAuth2 resource server taking the role from a JWT claim.
 * Which role may issue which command is decided per command in {@code CommandController} (A3).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private final Problems problems;

    SecurityConfiguration(Problems problems) {
        this.problems = problems;
    }

    private HttpSecurity common(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // Plain path patterns: the MVC-aware matchers ask every handler mapping on every request,
                        // which was a third of an HTTP command's CPU.
                        // An SSE stream ends with an async dispatch; the request was authorised when it began.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**")).permitAll()
                        // The dashboard's pages and scripts hold no data; what they show comes from the secured API.
                        .requestMatchers(PATHS.matcher("/"), PATHS.matcher("/dashboard/**")).permitAll()
                        .requestMatchers(PATHS.matcher("/api/audit/**"), PATHS.matcher("/api/admin/**")).hasRole(Role.AUDITOR.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()));
    }

    /**
     * The default firewall checks every header value against a Unicode regular expression, character by character;
     * for a bearer token that was a sixth of an HTTP command's CPU. Control characters are still refused, with a loop.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(SecurityConfiguration::withoutControlCharacters);
        firewall.setAllowedHeaderNames(SecurityConfiguration::withoutControlCharacters);
        return web -> web.httpFirewall(firewall);
    }

    private static boolean withoutControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Bean
    @Profile("!production")
    SecurityFilterChain demoSecurity(HttpSecurity http) throws Exception {
        return common(http).httpBasic(basic -> basic.authenticationEntryPoint(entryPoint())).build();
    }

    @Bean
    @Profile("!production")
    UserDetailsService demoUsers(PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(DemoUsers.USERS.entrySet().stream()
                .map(u -> User.withUsername(u.getKey()).password(passwords.encode(u.getKey())).roles(u.getValue().name()).build())
                .toList());
    }

    /** The demo passwords are public (username = password): a cheap hash keeps Basic auth from costing ~100 ms a request. */
    @Bean
    @Profile("!production")
    PasswordEncoder demoPasswords() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    @Profile("production")
    SecurityFilterChain jwtSecurity(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder) throws Exception {
        JwtDecoder cached = new CachingJwtDecoder(decoder, Clock.systemUTC(), 10_000);
        return common(http).oauth2ResourceServer(oauth -> oauth
                .authenticationEntryPoint(entryPoint())
                .jwt(jwt -> jwt.decoder(cached).jwtAuthenticationConverter(roleFromClaim(properties)))).build();
    }

    private static Converter<Jwt, AbstractAuthenticationToken> roleFromClaim(SecurityProperties properties) {
        return jwt -> {
            String role = jwt.getClaimAsString(properties.roleClaim());
            var authorities = role == null ? List.<SimpleGrantedAuthority>of()
                    : List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT).replace('-', '_')));
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    private AuthenticationEntryPoint entryPoint() {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"cpm-engine\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Sign in with a CPM account to use this endpoint", null);
        };
    }

    private AccessDeniedHandler accessDenied() {
        return (request, response, denied) -> problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role may not use this endpoint", null);
    }
}
