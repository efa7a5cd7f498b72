package org.ippc.cpm.command.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ippc.cpm.command.api.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Before HTTP Basic checks a password: a user throttled at this address gets 429 and a Retry-After, not a check. */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final Problems problems;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    SignInThrottleFilter(SignInThrottle throttle, Problems problems) {
        this.throttle = throttle;
        this.problems = problems;
        basic.setCredentialsCharset(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = user(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<SignInThrottle.Failures> failures = throttle.failures(user, address);
        Optional<Duration> refused = failures.flatMap(SignInThrottle.Failures::refusedFor);
        if (refused.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refused.get().toSeconds())));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                    "Sign-in for this user from this address is refused for a while after repeated wrong passwords", null);
            return;
        }
        chain.doFilter(request, response);
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (failures.isPresent() && signedIn != null && signedIn.isAuthenticated() && user.equals(SignInThrottle.printable(signedIn.getName()))) {
            throttle.succeeded(user, address);
        }
    }

    private String user(HttpServletRequest request) {
        try {
            var token = basic.convert(request);
            return token == null ? null : SignInThrottle.printable(token.getName());
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
