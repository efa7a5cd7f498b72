package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** The read side on the embedded default database. */
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:read-side;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1")
class H2ReadSideTest extends ReadSideContract {

    /**
     * A crowd of dashboards reconnecting at once (the web layer's race does not depend on the database, so this runs
     * on one): a stream's first event used to be written on another thread while the request's own thread was still
     * writing security headers on its way out, and Tomcat's header list broke (spring-security#15510).
     */
    @Test
    @Order(9)
    @ExtendWith(OutputCaptureExtension.class)
    void live_streams_opened_all_at_once_each_receive_their_snapshot_with_whole_headers(CapturedOutput log)
            throws Exception {
        try (SseFleet crowd = new SseFleet(port, "/api/live/board", "viewer", 500)) {
            // What is proven is every header whole, not a speed: 31 s were once seen on a loaded machine.
            assertThat(crowd.awaitSnapshots(Duration.ofSeconds(90))).isTrue();
        }
        assertThat(log.getAll()).doesNotContain("MimeHeaders").doesNotContain("Failed to send");
    }
}
