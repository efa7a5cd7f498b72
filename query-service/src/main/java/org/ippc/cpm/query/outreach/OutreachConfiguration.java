package org.ippc.cpm.query.outreach;

import java.util.Arrays;
import org.ippc.cpm.query.outreach.webhook.WebhookProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The outreach settings; production refuses the built-in key for the links in e-mails, as it does for checkpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutreachProperties.class, WebhookProperties.class})
class OutreachConfiguration {

    OutreachConfiguration(OutreachProperties settings, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("production")
                && OutreachProperties.EMBEDDED_LINK_KEY.equals(settings.linkKey())) {
            throw new IllegalStateException("Production signs the links in e-mails with a key of its own: set"
                    + " CPM_OUTREACH_LINK_KEY (cpm.outreach.link-key), the same on every node");
        }
    }
}
