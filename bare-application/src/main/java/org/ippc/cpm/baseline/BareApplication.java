package org.ippc.cpm.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The engine's web stack with nothing of the engine: what an HTTP request costs any Spring Boot application of this
 * kind, measured beside the engine in the same run (CommandBenchmark, StartUpBenchmark).
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }
}
