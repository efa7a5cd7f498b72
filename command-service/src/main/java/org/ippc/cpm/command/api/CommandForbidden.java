package org.ippc.cpm.command.api;

/** A3: the principal's role may not issue this command; refused before it reaches the domain. */
class CommandForbidden extends RuntimeException {

    CommandForbidden(String command, Object actor, Object allowed) {
        super("A3: %s may be issued by %s, not by %s".formatted(command, allowed, actor));
    }
}
