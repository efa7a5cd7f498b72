package org.ippc.cpm.query.outreach.calendar;

/** A feed for an addressee: a party's or RPPO's code (NZ, EPPO) or a body (SPG, FINANCE_COMMITTEE, BUREAU, SECRETARIAT). */
public record NewCalendarFeed(String addressee) {}
