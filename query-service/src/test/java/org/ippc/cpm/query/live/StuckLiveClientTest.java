package org.ippc.cpm.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.query.SseClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import reactor.core.scheduler.Schedulers;

/**
 * Dashboards whose connection stays open but no longer reads (a laptop put to sleep, a stalled proxy) must not hold
 * back anyone else's live stream. The engine's socket send buffers are made small here so that a stuck client's
 * buffers fill after a few changes instead of a few megabytes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cpm.demo.load=true",
            "server.shutdown=immediate",
            "cpm.live.poll-interval=20ms",
            "spring.datasource.url=jdbc:h2:mem:stuck-live-client;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1"
        })
class StuckLiveClientTest {

    private static final String PILOT = "surveillance-pilot";

    @LocalServerPort
    int port;

    @TestConfiguration
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory ->
                    factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "4096"));
        }
    }

    @Test
    void clients_that_stop_reading_do_not_hold_back_the_streams_of_others() throws Exception {
        HttpApi api = new HttpApi(port);
        // More stuck clients than the threads that write live streams, so that before the fix every writer thread
        // had one to block on.
        List<Socket> stuck = new ArrayList<>();
        try (SseClient healthy = new SseClient(port, "/api/live/board", "viewer", null)) {
            for (int i = 0; i < 2 * Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE; i++) {
                stuck.add(stuckSubscriber());
            }
            assertThat(healthy.next("snapshot", Duration.ofSeconds(10))).isNotNull();
            int changes = 60;
            for (int i = 1; i <= changes; i++) {
                assertThat(api.post(
                                        "secretariat",
                                        "recordManagementActivity",
                                        "{\"programmeId\":\"" + PILOT
                                                + "\",\"activity\":\"MONITORING\",\"rationale\":\"Review " + i + "\"}")
                                .status())
                        .isEqualTo(200);
                assertThat(healthy.next("programme", Duration.ofSeconds(5)))
                        .as("change %d reaches the reading client", i)
                        .isNotNull();
            }
        } finally {
            for (Socket socket : stuck) {
                socket.close();
            }
        }
    }

    /** A board subscriber with a tiny receive buffer that never reads what it is sent. */
    private Socket stuckSubscriber() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/live/board HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                        + HttpApi.basic("viewer", "viewer") + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
