package org.ippc.cpm.query.outreach.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** What a subscription may point at: no loopback, private, link-local or shared addresses unless allowed (SSRF). */
class WebhookTargetsTest {

    @Test
    void loopback_private_link_local_and_metadata_addresses_are_refused() {
        for (String url : new String[] {
            "http://127.0.0.1/hook",
            "http://localhost:8080/hook",
            "http://10.1.2.3/hook",
            "http://192.168.0.10/hook",
            "http://172.16.5.4/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/hook",
            "http://[::1]/hook",
            "http://[fd00::1]/hook",
            "http://0.0.0.0/hook"
        }) {
            assertThat(WebhookTargets.refusal(url, false)).as(url).isPresent();
        }
    }

    @Test
    void other_schemes_credentials_and_fragments_are_refused_even_where_private_targets_are_allowed() {
        assertThat(WebhookTargets.refusal("file:///etc/passwd", true)).contains("url must be http or https");
        assertThat(WebhookTargets.refusal("ftp://example.org/x", true)).isPresent();
        assertThat(WebhookTargets.refusal("http://user:secret@example.org/x", true))
                .isPresent();
        assertThat(WebhookTargets.refusal("http://127.0.0.1:9/hook", true)).isEmpty();
    }

    @Test
    void a_public_address_may_be_a_target() throws Exception {
        assertThat(WebhookTargets.isPublic(InetAddress.getByName("93.184.216.34")))
                .isTrue();
        assertThat(WebhookTargets.refusal("https://93.184.216.34/hook", false)).isEmpty();
    }
}
