package org.ippc.cpm.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.command.CommandServiceApplication;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.command.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo users (username = password) exist in the embedded profile or where {@code cpm.security.demo-users=true}
 * asks for them, never because a database profile is active. Seen failing first: {@code SPRING_PROFILES_ACTIVE=postgres}
 * accepted {@code cpm:cpm}.
 */
class DemoUsersOnlyWhereAskedTest {

    private static String[] onPostgres(String profiles, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=" + profiles,
                "--server.port=0",
                "--server.shutdown=immediate",
                "--spring.datasource.url=" + EmbeddedPostgresDatabase.create(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] withIssuer(String profiles, String... more) {
        List<String> args = new ArrayList<>(List.of(onPostgres(
                profiles,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestIssuer.publicKeyPem(),
                "--cpm.security.issuer=" + TestIssuer.ISSUER,
                "--cpm.security.audience=" + TestIssuer.AUDIENCE)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void the_postgres_profile_has_no_demo_users() {
        try (ConfigurableApplicationContext engine =
                new SpringApplicationBuilder(CommandServiceApplication.class).run(withIssuer("postgres"))) {
            HttpApi.Answer answer = new HttpApi(port(engine)).post("cpm", "nope", "{}");
            assertThat(answer.status()).as("cpm:cpm is no user here").isEqualTo(401);
        }
    }

    @Test
    void the_postgres_profile_without_a_way_to_sign_in_does_not_start_and_says_which_to_configure() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class)
                        .run(onPostgres("postgres"))
                        .close())
                .hasStackTraceContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                .hasStackTraceContaining("cpm.security.demo-users=true");
    }

    @Test
    void demo_users_on_postgres_only_with_the_explicit_switch() {
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(onPostgres("postgres", "--cpm.security.demo-users=true"))) {
            HttpApi.Answer answer = new HttpApi(port(engine)).post("cpm", "nope", "{}");
            assertThat(answer.status()).as("signed in; the command is unknown").isEqualTo(404);
        }
    }

    @Test
    void production_refuses_the_demo_users_switch() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class)
                        .run(withIssuer("postgres,production", "--cpm.security.demo-users=true"))
                        .close())
                .hasStackTraceContaining("The production profile has no demo users");
    }

    private static int port(ConfigurableApplicationContext engine) {
        return Integer.parseInt(engine.getEnvironment().getProperty("local.server.port"));
    }
}
