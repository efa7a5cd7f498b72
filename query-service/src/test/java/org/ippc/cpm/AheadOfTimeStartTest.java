package org.ippc.cpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** When a start may use the bean definitions the build prepared, and when it must not. */
class AheadOfTimeStartTest {

    private static final PropertySource<?> PACKAGED = new MapPropertySource(
            "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'",
            Map.of("spring.profiles.default", "embedded", "cpm.security.demo-users", "true"));

    @Test
    void the_readme_command_with_its_port_data_directory_and_demo_uses_them() {
        StandardEnvironment environment = environment(
                new SimpleCommandLinePropertySource("--server.port=8081", "--cpm.demo.load=true", "not-an-option"),
                variables(Map.of("PORT", "8081", "CPM_DATA_DIR", "/srv/cpm", "PATH", "/usr/bin", "HOME", "/root")),
                new MapPropertySource(
                        "systemProperties", Map.of("java.version", "17", "axoniq.update-checker.disabled", "true")),
                new MapPropertySource("applicationInfo", Map.of("spring.application.pid", "42")));

        assertThat(AheadOfTimeStart.reasonNotTo(environment)).isEmpty();
    }

    @Test
    void an_active_profile_starts_the_ordinary_way() {
        StandardEnvironment environment = environment();
        environment.setActiveProfiles("postgres");

        assertThat(AheadOfTimeStart.reasonNotTo(environment)).contains("profiles [postgres] are active");
    }

    @Test
    void a_cloud_platform_starts_the_ordinary_way() {
        assertThat(AheadOfTimeStart.reasonNotTo(environment(
                        variables(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443")))))
                .contains("it runs on KUBERNETES, which some conditions ask for");
    }

    @Test
    void a_property_that_a_condition_reads_starts_the_ordinary_way_wherever_it_is_set() {
        assertThat(AheadOfTimeStart.reasonNotTo(
                        environment(new SimpleCommandLinePropertySource("--cpm.security.demo-users=false"))))
                .contains("cpm.security.demo-users is set (commandLineArgs)");
        assertThat(AheadOfTimeStart.reasonNotTo(environment(
                        variables(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/cpm", "PORT", "80")))))
                .contains("SPRING_DATASOURCE_URL is set (systemEnvironment)");
        assertThat(AheadOfTimeStart.reasonNotTo(environment(variables(Map.of("DB_SCHEDULER_ENABLED", "false")))))
                .contains("DB_SCHEDULER_ENABLED is set (systemEnvironment)");
        assertThat(AheadOfTimeStart.reasonNotTo(environment(new MapPropertySource(
                        "systemProperties", Map.of("management.endpoints.web.exposure.include", "*")))))
                .contains("management.endpoints.web.exposure.include is set (systemProperties)");
        assertThat(AheadOfTimeStart.reasonNotTo(environment(new MapPropertySource(
                        "Config resource 'file [config/application.yml]' via location 'optional:file:./config/'",
                        Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.example")))))
                .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri is set (Config resource 'file"
                        + " [config/application.yml]' via location 'optional:file:./config/')");
    }

    private static StandardEnvironment environment(PropertySource<?>... sources) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> source : sources) {
            environment.getPropertySources().addLast(source);
        }
        environment.getPropertySources().addLast(PACKAGED);
        return environment;
    }

    private static SystemEnvironmentPropertySource variables(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
    }
}
