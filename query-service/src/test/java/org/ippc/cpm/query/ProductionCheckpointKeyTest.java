package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ippc.cpm.CpmEngineApplication;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.ippc.cpm.command.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production signs the auditors' checkpoints with a key of its own or does not start: with the built-in demo key a
 * checkpoint taken on any embedded engine would verify there. Seen failing first: production started with it. The
 * same for the key that signs the links in e-mails (a link made on any embedded engine would change a person's choices).
 */
class ProductionCheckpointKeyTest {

    private static String[] production(String... more) {
        String url = EmbeddedPostgresDatabase.create();
        String[] base = {
            "--spring.profiles.active=production",
            "--server.port=0",
            "--server.shutdown=immediate",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestIssuer.publicKeyPem(),
            "--cpm.security.issuer=" + TestIssuer.ISSUER,
            "--cpm.security.audience=" + TestIssuer.AUDIENCE
        };
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void production_without_a_checkpoint_key_of_its_own_does_not_start() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CpmEngineApplication.class)
                        .run(production())
                        .close())
                .hasStackTraceContaining("CPM_CHECKPOINT_KEY");
        assertThatThrownBy(() -> new SpringApplicationBuilder(CpmEngineApplication.class)
                        .run(production("--cpm.audit.checkpoint-key=a-secret-of-this-deployment"))
                        .close())
                .hasStackTraceContaining("CPM_OUTREACH_LINK_KEY");
        try (ConfigurableApplicationContext started = new SpringApplicationBuilder(CpmEngineApplication.class)
                .run(production(
                        "--cpm.audit.checkpoint-key=a-secret-of-this-deployment",
                        "--cpm.outreach.link-key=another-secret-of-this-deployment"))) {
            assertThat(started.isRunning()).isTrue();
        }
    }
}
