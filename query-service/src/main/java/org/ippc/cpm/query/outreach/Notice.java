package org.ippc.cpm.query.outreach;

import java.time.Instant;
import java.util.List;

/**
 * One thing to tell an addressee's contact points: {@code key} makes it one notice however often it is decided (a
 * replay, a second node); {@code args} fill the texts of {@code kind} in each person's language ({@link NoticeTexts}).
 *
 * @param addressee a party, RPPO or body; {@link #EVERY_PARTY} for every contracting party and RPPO
 * @param decidedAt when what the notice tells of was recorded (an old one is listed, never sent)
 */
public record Notice(
        String key, NoticeKind kind, String addressee, List<String> args, String linkPath, Instant decidedAt) {

    public static final String EVERY_PARTY = "*";
}
