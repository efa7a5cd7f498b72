package org.ippc.cpm.command.axon;

/**
 * The database went away while a command's transaction committed: it may have committed or not. Carries what the
 * answer would be and one of the events the command appended, to look up once the database answers again.
 */
final class CommitInDoubt extends RuntimeException {

    final String eventId;
    final CommandAccepted answer;

    CommitInDoubt(RuntimeException failure, String eventId, CommandAccepted answer) {
        super("commit in doubt: " + failure.getMessage(), failure);
        this.eventId = eventId;
        this.answer = answer;
    }

    RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
