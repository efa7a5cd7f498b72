package org.ippc.cpm.baseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with the password compared as text: the cost of authenticating a request whose credentials are already
 * known good, as the engine's verified-token and verified-password caches make it. (With a {noop} password Spring
 * Security would re-encode it with BCrypt after the first sign-in; this encoder never asks for that.)
 */
@Configuration
class BareSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("nz")
                .password("nz")
                .roles("CONTRACTING_PARTY")
                .build());
    }

    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder plainText() {
        return NoOpPasswordEncoder.getInstance();
    }
}
