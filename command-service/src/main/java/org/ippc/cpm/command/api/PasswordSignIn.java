package org.ippc.cpm.command.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.ippc.cpm.command.security.Actors;
import org.ippc.cpm.command.security.SignInThrottle;
import org.ippc.cpm.platform.Problems;
import org.ippc.cpm.platform.WithDemoUsers;
import org.ippc.cpm.platform.openapi.ApiContract;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's sign-in with a demo user's password: a cookie session (HttpOnly, SameSite=Strict) kept by Spring
 * Session in the shared database, so that the page keeps no password and any node serves it; {@code POST
 * /api/sign-out} ends it everywhere. A wrong password is a 401 at once (no {@code WWW-Authenticate: Basic}, which makes
 * a browser hold the request for its own dialog); the sign-in throttle applies as to HTTP Basic.
 */
@RestController
@WithDemoUsers
@Tag(name = "Sign-in", description = "Who the credentials stand for (any signed-in role)")
class PasswordSignIn {

    /** A demo user's name and password. */
    record Credentials(
            @Schema(maxLength = 200) String user,
            @Schema(maxLength = 200, format = "password") String password) {}

    private final ProviderManager passwords;
    private final Actors actors;
    private final SignInThrottle throttle;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final Problems problems;

    PasswordSignIn(
            UserDetailsService users,
            PasswordEncoder encoder,
            AuthenticationEventPublisher events,
            Actors actors,
            SignInThrottle throttle,
            Problems problems) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        this.passwords = new ProviderManager(provider);
        passwords.setAuthenticationEventPublisher(events);
        this.actors = actors;
        this.throttle = throttle;
        this.problems = problems;
    }

    @PostMapping(path = "/api/sign-in/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "Signed in: who the session stands for")
    @ApiResponse(
            responseCode = "401",
            description = "The user name or the password is not right",
            content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(ref = ApiContract.PROBLEM)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed sign-ins from this address for this user",
            headers = @Header(name = "Retry-After", required = true, schema = @Schema(type = "integer")),
            content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(ref = ApiContract.PROBLEM)))
    @Operation(
            operationId = "signInWithPassword",
            summary = "Signs a demo user in for the dashboard: a session cookie (HttpOnly, SameSite=Strict) and an"
                    + " XSRF-TOKEN cookie whose value unsafe requests repeat in X-XSRF-TOKEN")
    ResponseEntity<SignedIn> signIn(
            @RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        String user = credentials.user() == null ? "" : credentials.user().trim();
        Optional<Duration> refused = throttle.failures(SignInThrottle.user(user), request.getRemoteAddr())
                .flatMap(SignInThrottle.Failures::refusedFor);
        if (refused.isPresent()) {
            SignInThrottle.refuse(refused.get(), request, response, problems);
            return null;
        }
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                user, credentials.password() == null ? "" : credentials.password());
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException wrong) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Sign-in refused",
                    "The user name or the password is not right",
                    null);
            return null;
        }
        throttle.succeeded(SignInThrottle.user(user), request.getRemoteAddr());
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken();
        }
        return ResponseEntity.ok(SignedIn.of(actors.of(signedIn)));
    }
}
