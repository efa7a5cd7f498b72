package org.ippc.cpm.command.axon;

import org.ippc.cpm.eventstore.EventMetadata;

/** Metadata the web layer attaches to a command for {@link CommandOutcomeInterceptor}. */
public final class CommandMetadata {

    public static final String COMMAND_NAME = EventMetadata.COMMAND;
    public static final String EXPECTED_VERSION = "cpm.expectedVersion";
    public static final String TOOK_PLACE_ON = EventMetadata.TOOK_PLACE_ON;
    public static final String IDEMPOTENCY_KEY = "cpm.idempotencyKey";
    public static final String PRINCIPAL = "cpm.principal";
    public static final String REQUEST_HASH = "cpm.requestHash";

    private CommandMetadata() {}
}
