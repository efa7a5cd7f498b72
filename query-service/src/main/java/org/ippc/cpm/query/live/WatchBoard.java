package org.ippc.cpm.query.live;

/** Subscription query: the whole status board, then every change to it. */
public record WatchBoard() {}
