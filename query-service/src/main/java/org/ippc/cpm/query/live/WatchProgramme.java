package org.ippc.cpm.query.live;

/** Subscription query: one programme's board row, then every change to it. */
public record WatchProgramme(String programmeId) {}
