package org.ippc.cpm.query.demo;

/** One command of the demo, sent by a demo user (whose password is the user name) through the command API. */
record DemoStep(String user, String command, String body) {}
