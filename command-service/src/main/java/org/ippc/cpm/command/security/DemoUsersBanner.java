package org.ippc.cpm.command.security;

import java.util.stream.Collectors;
import org.ippc.cpm.platform.WithDemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the embedded engine how to sign in. */
@Component
@WithDemoUsers
class DemoUsersBanner {

    private static final Logger LOG = LoggerFactory.getLogger("cpm-engine");

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        LOG.info(
                "Demo users (password = user name): {}",
                DemoUsers.USERS.stream().map(DemoUsers.DemoUser::name).collect(Collectors.joining(", ")));
    }
}
