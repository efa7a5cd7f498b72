package org.ippc.cpm.command.api;

class UnknownCommand extends RuntimeException {

    UnknownCommand(String name) {
        super("There is no command '%s'; see /v3/api-docs for the commands".formatted(name));
    }
}
