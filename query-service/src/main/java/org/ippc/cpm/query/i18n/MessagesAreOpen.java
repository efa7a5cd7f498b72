package org.ippc.cpm.query.i18n;

import java.util.Set;
import org.ippc.cpm.platform.openapi.OpenPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue needs no sign-in (the sign-in page reads it): so says the OpenAPI document too. */
@Configuration(proxyBeanMethods = false)
class MessagesAreOpen {

    @Bean
    OpenPaths openMessages() {
        return new OpenPaths(Set.of("/api/messages/{language}"));
    }
}
