package org.ippc.cpm.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * command-service on its own, for its tests and the command benchmark: the engine itself is assembled by
 * {@code CpmEngineApplication} (ADR 0006), whose component scan must not find a second application here.
 */
@SpringBootApplication(scanBasePackages = {"org.ippc.cpm.platform", "org.ippc.cpm.eventstore", "org.ippc.cpm.command"})
public class CommandServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
