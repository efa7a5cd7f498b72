package org.ippc.cpm.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the embedded engine where it answers; last, after the demo has loaded (the sign-in: {@code DemoUsersBanner}). */
@Component
@Profile("!production")
class EngineBanner {

    private static final Logger LOG = LoggerFactory.getLogger("cpm-engine");

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void announce(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        LOG.info(
                "cpm-engine is ready at {}: dashboard {}/dashboard/, API {}/api/commands/{command} and {}/api/query, "
                        + "Swagger UI {}/swagger-ui.html, health {}/actuator/health",
                base,
                base,
                base,
                base,
                base,
                base);
    }
}
