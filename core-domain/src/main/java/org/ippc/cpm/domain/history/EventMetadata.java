package org.ippc.cpm.domain.history;

/** The metadata every stored event carries besides Axon's own ({@code traceId}, {@code correlationId}). */
public final class EventMetadata {

    /** The name of the command that produced the event, e.g. {@code SelectPriority}: the decision log's "command". */
    public static final String COMMAND = "cpm.command";

    private EventMetadata() {}
}
