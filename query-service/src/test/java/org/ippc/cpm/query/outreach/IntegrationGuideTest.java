package org.ippc.cpm.query.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ippc.cpm.query.outreach.webhook.CloudEvents;
import org.junit.jupiter.api.Test;

/** docs/integration-guide.md names every event type a subscription may ask for, as the engine names them. */
class IntegrationGuideTest {

    @Test
    void the_guide_lists_every_webhook_event_type() throws Exception {
        String guide = Files.readString(Path.of("../docs/integration-guide.md"));
        for (String type : CloudEvents.EVENT_TYPES) {
            assertThat(guide).as(type).contains("`" + type + "`");
        }
    }
}
