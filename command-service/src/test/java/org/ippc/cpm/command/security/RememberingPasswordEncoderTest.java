package org.ippc.cpm.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final AtomicInteger hashed = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashed.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void a_password_that_matched_is_not_hashed_again() {
        RememberingPasswordEncoder passwords = new RememberingPasswordEncoder(counting, 100, Duration.ofHours(1));
        String hash = passwords.encode("secretariat");
        for (int i = 0; i < 5; i++) {
            assertThat(passwords.matches("secretariat", hash)).isTrue();
        }
        assertThat(hashed).hasValue(1);
        assertThat(passwords.remembered()).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_hashed_every_time_and_never_remembered() {
        RememberingPasswordEncoder passwords = new RememberingPasswordEncoder(counting, 100, Duration.ofHours(1));
        String hash = passwords.encode("secretariat");
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("guess", hash)).isFalse();
        }
        assertThat(hashed).hasValue(3);
        assertThat(passwords.remembered()).isZero();
    }

    @Test
    void a_match_stands_only_for_the_hash_it_was_checked_against() {
        RememberingPasswordEncoder passwords = new RememberingPasswordEncoder(counting, 100, Duration.ofHours(1));
        String before = passwords.encode("secretariat");
        assertThat(passwords.matches("secretariat", before)).isTrue();
        String changed = passwords.encode("new password");
        assertThat(passwords.matches("secretariat", changed)).isFalse();
        assertThat(passwords.matches("new password", changed)).isTrue();
        assertThat(hashed).hasValue(3);
    }

    @Test
    void at_most_the_bound_of_pairs_is_kept() {
        RememberingPasswordEncoder passwords = new RememberingPasswordEncoder(counting, 10, Duration.ofHours(1));
        for (int i = 0; i < 50; i++) {
            String password = "user-" + i;
            assertThat(passwords.matches(password, passwords.encode(password))).isTrue();
        }
        assertThat(passwords.remembered()).isLessThanOrEqualTo(10);
    }
}
