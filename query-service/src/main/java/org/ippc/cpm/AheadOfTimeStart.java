package org.ippc.cpm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Starts the engine from the bean definitions that Spring's ahead-of-time processing wrote at build time (for the
 * embedded default, docs/performance.md: start-up) — but only when nothing in this start's configuration could
 * change which beans exist. Those definitions were decided once, by the build's conditions and profiles; a profile,
 * a database URL or an identity provider given now would be silently ignored by them. So the engine starts from them
 * only when no profile is active, no cloud platform is detected, and every property set outside the packaged
 * configuration (arguments, system properties, environment variables, files beside the jar) is one that is read at run
 * time only; otherwise it starts the ordinary way and says why. {@code -Dspring.aot.enabled=true|false} decides
 * without asking.
 */
final class AheadOfTimeStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AheadOfTimeStart.class);

    /** The namespaces whose properties the build's conditions read (ours, Spring's, the libraries' we configure). */
    private static final Set<String> DECIDING =
            Set.of("spring.", "server.", "management.", "cpm.", "axon.", "springdoc.", "db-scheduler.");

    /**
     * Properties in those namespaces that only a running engine reads: no condition depends on them ({@code
     * CPM_DATA_DIR} is the embedded database's directory, a placeholder of its URL; {@code spring.context.exit} ends a
     * class-data training run).
     */
    private static final Set<String> READ_AT_RUN_TIME =
            Set.of("server.port", "server.address", "cpm.demo.load", "cpm.data.dir", "spring.context.exit");

    private static final String GENERATED_INITIALIZER =
            CpmEngineApplication.class.getName() + "__ApplicationContextInitializer";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (SpringProperties.getProperty(AotDetector.AOT_ENABLED) != null
                || SpringProperties.getFlag("spring.aot.processing")
                || !ClassUtils.isPresent(
                        GENERATED_INITIALIZER, event.getSpringApplication().getClassLoader())) {
            return;
        }
        Optional<String> reason = reasonNotTo(event.getEnvironment());
        if (reason.isPresent()) {
            LOG.info("Starting without the bean definitions prepared at build time: {}", reason.get());
        } else {
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    /** Why this configuration may need other beans than the build prepared; empty when it cannot. */
    static Optional<String> reasonNotTo(ConfigurableEnvironment environment) {
        if (environment.getActiveProfiles().length > 0) {
            return Optional.of("profiles " + Arrays.toString(environment.getActiveProfiles()) + " are active");
        }
        CloudPlatform platform = CloudPlatform.getActive(environment);
        if (platform != null) {
            return Optional.of("it runs on " + platform + ", which some conditions ask for");
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (isPackaged(source) || !(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean fromEnvironmentVariables =
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
            for (String name : enumerable.getPropertyNames()) {
                if (fromEnvironmentVariables ? decidesBeans(asProperty(name)) : decidesBeans(name)) {
                    return Optional.of(name + " is set (" + source.getName() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean decidesBeans(String property) {
        return DECIDING.stream().anyMatch(property::startsWith) && !READ_AT_RUN_TIME.contains(property);
    }

    /** {@code DB_SCHEDULER_TABLE_NAME} and {@code DBSCHEDULER_TABLE_NAME} bind to {@code db-scheduler.table-name}. */
    private static String asProperty(String environmentVariable) {
        return environmentVariable
                .toLowerCase(Locale.ROOT)
                .replace('_', '.')
                .replaceFirst("^db\\.?scheduler\\.", "db-scheduler.");
    }

    /** The configuration inside the jar, which the build read too, and Spring Boot's own facts about the process. */
    private static boolean isPackaged(PropertySource<?> source) {
        return source.getName().contains("class path resource [")
                || source.getName().equals("applicationInfo");
    }
}
