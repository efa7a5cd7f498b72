package org.ippc.cpm.query.outreach.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification and its reference libraries' tests. */
    @Test
    void signs_the_standard_s_example_as_the_standard_does() {
        assertThat(WebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void made_secrets_have_the_standard_s_shape_and_given_ones_are_checked() {
        assertThat(WebhookSignature.isSecret(WebhookSignature.newSecret())).isTrue();
        assertThat(WebhookSignature.isSecret("whsec_short")).isFalse();
        assertThat(WebhookSignature.isSecret("not-a-secret")).isFalse();
    }
}
