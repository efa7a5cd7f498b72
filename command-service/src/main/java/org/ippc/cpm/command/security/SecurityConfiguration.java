package org.ippc.cpm.command.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.platform.AccessRules;
import org.ippc.cpm.platform.LogSafe;
import org.ippc.cpm.platform.Problems;
import org.ippc.cpm.platform.WithDemoUsers;
import org.ippc.cpm.platform.openapi.OpenPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Every endpoint but health needs an authenticated principal. Where the demo users were asked for (the embedded
 * profile) they sign in with HTTP Basic; everywhere else the engine is an OAuth2 resource server taking the role
 * from a JWT claim.
 * Which role may issue which command is decided per command in {@code CommandController} (A3).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
class SecurityConfiguration {

    private static final Logger SECURITY = LoggerFactory.getLogger("cpm.security");

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final String BASIC = "Basic realm=\"cpm-engine\"";
    private static final String BEARER = "Bearer";
    /**
     * Pages load scripts and data from this engine only, and no other site may frame them. Styles may be inline
     * (Swagger UI sets some); images may be data URIs (Swagger UI's icons).
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'%s; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String SIGN_IN_OPTIONS = "/api/sign-in";
    private static final String PASSWORD_SIGN_IN = "/api/sign-in/session";
    private static final String SIGN_OUT = "/api/sign-out";
    /** Spring Session's cookie: a request that carries it is signed in by it, and so must prove it comes from the page. */
    private static final String SESSION_COOKIE = "SESSION";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Problems problems;
    private final List<AccessRules> serviceRules;
    private final String contentSecurityPolicy;

    private final RateLimitProperties rateLimit;

    SecurityConfiguration(
            Problems problems, List<AccessRules> serviceRules, OidcSettings oidc, RateLimitProperties rateLimit) {
        this.problems = problems;
        this.rateLimit = rateLimit;
        this.serviceRules = serviceRules;
        // The dashboard fetches the token from the OpenID Connect provider after the sign-in redirect.
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY.formatted(
                oidc.signIn().map(signIn -> " " + signIn.tokenOrigin()).orElse(""));
    }

    /** Every role of the spec's table; the engine's own role is never a user's. */
    private static final String[] CPM_ROLES = Arrays.stream(Role.values())
            .filter(role -> role != Role.ENGINE)
            .map(Role::name)
            .toArray(String[]::new);

    /** The API's paths open to all, as the OpenAPI document describes them. */
    @Bean
    OpenPaths openApiPaths() {
        return new OpenPaths(Set.of(SIGN_IN_OPTIONS, PASSWORD_SIGN_IN, SIGN_OUT));
    }

    private HttpSecurity common(HttpSecurity http, String challenge, SessionCreationPolicy sessions) throws Exception {
        if (rateLimit.enabled()) {
            http.addFilterBefore(
                            new RateLimitFilter(
                                    new RateLimits("client", rateLimit.perClientPerMinute()),
                                    HttpServletRequest::getRemoteAddr,
                                    problems),
                            SecurityContextHolderFilter.class)
                    .addFilterAfter(
                            new RateLimitFilter(
                                    new RateLimits("user", rateLimit.perUserPerMinute()),
                                    SecurityConfiguration::signedInUser,
                                    problems),
                            AnonymousAuthenticationFilter.class);
        }
        return http.sessionManagement(s -> s.sessionCreationPolicy(sessions))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(auth -> {
                    // Plain path patterns: the MVC-aware matchers ask every handler mapping on every request,
                    // which was a third of an HTTP command's CPU.
                    // An SSE stream ends with an async dispatch; the request was authorised when it began.
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll()
                            .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"))
                            .permitAll()
                            // The API's description is no secret: a client generator or a browser reads it unsigned.
                            .requestMatchers(
                                    PATHS.matcher("/v3/api-docs"),
                                    PATHS.matcher("/v3/api-docs/**"),
                                    PATHS.matcher("/swagger-ui.html"),
                                    PATHS.matcher("/swagger-ui/**"),
                                    // How to sign in is asked before signing in.
                                    PATHS.matcher(SIGN_IN_OPTIONS),
                                    PATHS.matcher(HttpMethod.POST, PASSWORD_SIGN_IN),
                                    PATHS.matcher(HttpMethod.POST, SIGN_OUT))
                            .permitAll();
                    // Each other service's own rules for its paths (the query side's: the dashboard, audit, admin).
                    serviceRules.forEach(rules -> rules.apply(auth));
                    // Commands are checked per command (A3); a signed-in user without one of the spec's roles may
                    // do nothing.
                    auth.anyRequest().hasAnyRole(CPM_ROLES);
                })
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(entryPoint(challenge)).accessDeniedHandler(accessDenied()));
    }

    private static boolean signedInBySession(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(SESSION_COOKIE)) {
                // Only the API acts on the session's authority; a page outside it (an e-mail's signed choice link)
                // acts on its own token, also when the browser holds a dashboard session.
                return request.getRequestURI().startsWith("/api/")
                        && !request.getRequestURI().equals(PASSWORD_SIGN_IN);
            }
        }
        return false;
    }

    private static String signedInUser(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null || signedIn instanceof AnonymousAuthenticationToken ? null : signedIn.getName();
    }

    /**
     * No observation of the security chain (the engine's own {@code cpm.commands} and Spring's
     * {@code http.server.requests} tell what an operator needs): with this, Spring Security does not wrap each filter,
     * the authentication manager and the authorization manager to find out on every request that nothing is observed.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
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
    @WithDemoUsers
    SecurityFilterChain demoSecurity(HttpSecurity http, SignInThrottle throttle, Environment environment)
            throws Exception {
        if (environment.matchesProfiles("production")) {
            throw new IllegalStateException("The production profile has no demo users: remove " + WithDemoUsers.SWITCH
                    + " (CPM_SECURITY_DEMO_USERS) and sign in with the JWT issuer");
        }
        SignInThrottleFilter throttled = new SignInThrottleFilter(throttle, problems);
        return common(http, BASIC, SessionCreationPolicy.NEVER)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint(BASIC)))
                .addFilterBefore(throttled, BasicAuthenticationFilter.class)
                .addFilterAfter(throttled.clearOnSuccess(), BasicAuthenticationFilter.class)
                // The dashboard's session (PasswordSignIn): only a request carrying its cookie needs the CSRF token,
                // which the page repeats from the XSRF-TOKEN cookie in X-XSRF-TOKEN; API clients sign each request.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::signedInBySession))
                .logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, SIGN_OUT))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .build();
    }

    @Bean
    @WithDemoUsers
    UserDetailsService demoUsers(PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(DemoUsers.USERS.stream()
                .map(u -> User.withUsername(u.name())
                        .password(passwords.encode(u.name()))
                        .authorities(Actors.authorities(u.role(), u.party()))
                        .build())
                .toList());
    }

    /**
     * The demo passwords are public (username = password): a cheap hash keeps a sign-in from costing ~100 ms, and a
     * password that matched once is not hashed again on each request that repeats it.
     */
    @Bean
    @WithDemoUsers
    PasswordEncoder demoPasswords() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder(4), 10_000, Duration.ofHours(1));
    }

    /** Wherever the demo users were not asked for: production, and a database profile alone. */
    @Bean
    @ConditionalOnProperty(name = WithDemoUsers.SWITCH, havingValue = "false", matchIfMissing = true)
    SecurityFilterChain jwtSecurity(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> issuer)
            throws Exception {
        JwtDecoder decoder = issuer.getIfAvailable(() -> {
            throw new IllegalStateException("No way to sign in is configured: name the JWT issuer"
                    + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI, _JWK_SET_URI or _PUBLIC_KEY_LOCATION, and"
                    + " CPM_SECURITY_ISSUER, CPM_SECURITY_AUDIENCE), or for a trial outside production turn the demo"
                    + " users on with " + WithDemoUsers.SWITCH + "=true");
        });
        if (decoder instanceof NimbusJwtDecoder nimbus) {
            nimbus.setClaimSetConverter(TokenRules.claimsAsSent());
        }
        Clock clock = Clock.systemUTC();
        OAuth2TokenValidator<Jwt> rules = TokenRules.validator(properties, clock);
        JwtDecoder validated = token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = rules.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("The token is not one this engine accepts", result.getErrors());
            }
            return jwt;
        };
        JwtDecoder cached = new CachingJwtDecoder(validated, clock, 10_000);
        return common(http, BEARER, SessionCreationPolicy.STATELESS)
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(entryPoint(BEARER))
                        .jwt(jwt -> jwt.decoder(cached).jwtAuthenticationConverter(roleAndPartyFromClaims(properties))))
                .build();
    }

    /** The person is the token's subject; a token that grants nothing keeps why, for the 403's detail. */
    private static Converter<Jwt, AbstractAuthenticationToken> roleAndPartyFromClaims(SecurityProperties properties) {
        return jwt -> {
            Grant grant = TokenRules.grant(jwt, properties);
            JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, grant.authorities(), jwt.getSubject());
            token.setDetails(grant);
            return token;
        };
    }

    private AuthenticationEntryPoint entryPoint(String challenge) {
        return (request, response, failure) -> {
            // The dashboard's own requests get no challenge: for Basic, a browser would hold the request for its
            // dialog (Spring Security's convention for such requests).
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required",
                    "Sign in with a CPM account to use this endpoint",
                    null);
        };
    }

    private AccessDeniedHandler accessDenied() {
        return (request, response, denied) -> {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            String detail = denied instanceof CsrfException
                    ? "A request signed in by the dashboard's session must repeat the XSRF-TOKEN cookie in X-XSRF-TOKEN"
                    : signedIn != null && signedIn.getDetails() instanceof Grant grant && grant.refusal() != null
                            ? grant.refusal()
                            : "Your role may not use this endpoint";
            SECURITY.warn(
                    "403 {} {} for {}: {}",
                    request.getMethod(),
                    LogSafe.of(request.getRequestURI()),
                    signedIn == null ? "nobody" : LogSafe.of(signedIn.getName()),
                    detail);
            problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail, null);
        };
    }
}
