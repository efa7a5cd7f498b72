package org.ippc.cpm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The whole engine in one process: the command API, the projections, the queries, the auditor's tools and the
 * dashboard, on one port (ADR 0006). Several of these processes share one PostgreSQL as command and query nodes.
 */
@SpringBootApplication(
        scanBasePackages = {
            "org.ippc.cpm.platform",
            "org.ippc.cpm.eventstore",
            "org.ippc.cpm.command",
            "org.ippc.cpm.projection",
            "org.ippc.cpm.query"
        })
@EnableScheduling
public class CpmEngineApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication engine = new SpringApplication(CpmEngineApplication.class);
        engine.addListeners(new AheadOfTimeStart());
        engine.run(args);
    }
}
