package org.ippc.cpm.command.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.ippc.cpm.platform.Problems;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/** Before HTTP Basic checks a password: a user throttled at this address gets 429 and a Retry-After, not a check. */
class SignInThrottleFilter extends OncePerRequestFilter {

    private static final String FAILED_BEFORE = SignInThrottleFilter.class.getName() + ".failedBefore";

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
            SignInThrottle.refuse(refused.get(), request, response, problems);
            return;
        }
        if (failures.isPresent()) {
            request.setAttribute(FAILED_BEFORE, user);
        }
        chain.doFilter(request, response);
    }

    /**
     * After HTTP Basic: a user with failures on record who has now signed in has them cleared, before the answer goes
     * out (so that the next request, wherever it lands, sees the count gone).
     */
    OncePerRequestFilter clearOnSuccess() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (request.getAttribute(FAILED_BEFORE) instanceof String user
                        && signedIn != null
                        && signedIn.isAuthenticated()
                        && user.equals(SignInThrottle.user(signedIn.getName()))) {
                    throttle.succeeded(user, request.getRemoteAddr());
                }
                chain.doFilter(request, response);
            }
        };
    }

    private String user(HttpServletRequest request) {
        try {
            var token = basic.convert(request);
            return token == null ? null : SignInThrottle.user(token.getName());
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
