package org.ippc.cpm.query.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.ippc.cpm.domain.seed.SeedStory;
import org.ippc.cpm.platform.WithDemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code cpm.demo.load=true}, sends the seed story ({@link SeedStory}) to the engine's own command API over HTTP
 * as the demo users,
 * exactly as a client would; it never writes events itself. Each step carries an Idempotency-Key, so loading twice
 * (after a restart, say) changes nothing. The switch is read when the engine is ready, not as a condition of this
 * bean, so that it also works in a start from the bean definitions prepared at build time ({@code AheadOfTimeStart}).
 */
@Component
@WithDemoUsers
public class DemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final Environment environment;

    DemoLoader(Environment environment) {
        this.environment = environment;
    }

    /** Before the engine announces that it is ready. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady() throws IOException, InterruptedException {
        if (environment.getProperty("cpm.demo.load", Boolean.class, false)) {
            load();
        }
    }

    /** Sends every step; returns how many were accepted (all of them, also on a second load). */
    public int load() throws IOException, InterruptedException {
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        // Made here, not with the bean: an engine started without the demo has no use for a client and its thread.
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<SeedStory.Step> steps = SeedStory.steps();
        int accepted = 0;
        int replayed = 0;
        for (int i = 0; i < steps.size(); i++) {
            SeedStory.Step step = steps.get(i);
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/commands/" + step.command()))
                            .header("Content-Type", "application/json")
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((step.user() + ":" + step.user())
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .header("Idempotency-Key", "demo-step-" + i)
                            .header("Took-Place-On", step.tookPlaceOn().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(step.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                accepted++;
                if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayed++;
                }
            } else {
                LOG.warn(
                        "Demo step {} ({} by {}) answered {}: {}",
                        i,
                        step.command(),
                        step.user(),
                        answer.statusCode(),
                        answer.body());
            }
        }
        LOG.info(
                "Demo data: {} of {} commands recorded, {} already recorded before (answered again by their"
                        + " Idempotency-Key); the dashboard is at {}/dashboard/",
                accepted - replayed,
                steps.size(),
                replayed,
                base);
        return accepted;
    }
}
