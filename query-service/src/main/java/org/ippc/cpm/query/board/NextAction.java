package org.ippc.cpm.query.board;

import java.util.List;

/** A command the programme accepts in its current stage, and the roles that may issue it. */
public record NextAction(String command, List<String> roles) {}
