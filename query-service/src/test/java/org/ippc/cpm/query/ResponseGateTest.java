package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ResponseGateTest {

    private final ResponseGate filter = new ResponseGate();

    @Test
    void a_live_stream_and_the_export_wait_until_the_request_thread_has_left_the_filters() throws Exception {
        for (String path : new String[] {"/api/live/board", "/api/live/programmes/P-1", "/api/audit/log/export"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            AtomicReference<CompletableFuture<Void>> writer = new AtomicReference<>();
            AtomicBoolean openInside = new AtomicBoolean(true);
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                writer.set(ResponseGate.opened(request).toFuture());
                openInside.set(writer.get().isDone());
            });

            assertThat(openInside).as(path + " inside the filters").isFalse();
            assertThat(writer.get())
                    .as(path + ", the writer waiting since inside")
                    .isDone();
        }
    }

    @Test
    void a_gate_opens_even_when_a_filter_throws() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit/log/export");
        AtomicReference<CompletableFuture<Void>> writer = new AtomicReference<>();
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                    writer.set(ResponseGate.opened(request).toFuture());
                    throw new IllegalStateException("a filter failed");
                }))
                .hasMessage("a filter failed");
        assertThat(writer.get()).isDone();
    }

    @Test
    void any_other_request_is_not_held() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit/log");
        AtomicBoolean openInside = new AtomicBoolean();
        filter.doFilter(
                request,
                new MockHttpServletResponse(),
                (req, res) ->
                        openInside.set(ResponseGate.opened(request).toFuture().isDone()));
        assertThat(openInside).isTrue();
    }
}
