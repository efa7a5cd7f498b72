package org.ippc.cpm.query.outreach;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the engine's notices and feeds need to know (issue 25; docs/integration-guide.md lists every setting).
 *
 * @param baseUrl       the address people reach the engine at: links in e-mails and calendar feeds start with it
 * @param linkKey       signs the links in e-mails that change a person's choices without signing in (the same on
 *                      every node; production refuses the built-in one)
 * @param from          the e-mails' From address
 * @param reminderLead  how long before a deadline the (optional) reminder goes out
 * @param digestAt      when (UTC) the daily digest of the people who chose one is sent
 * @param noticeMaxAge  an event older than this when the engine first reads it (a new deployment reading an old
 *                      store, a rebuild) is listed in the outbox as skipped, never mailed
 * @param mailEvery     how often the outbox is sent
 * @param remindEvery   how often the deadlines are looked at
 */
@ConfigurationProperties("cpm.outreach")
public record OutreachProperties(
        String baseUrl,
        String linkKey,
        String from,
        Duration reminderLead,
        LocalTime digestAt,
        Duration noticeMaxAge,
        Duration mailEvery,
        Duration remindEvery) {

    public static final String EMBEDDED_LINK_KEY = "embedded-demo-link-key";

    public OutreachProperties {
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        linkKey = linkKey == null || linkKey.isBlank() ? EMBEDDED_LINK_KEY : linkKey;
        from = from == null ? "cpm-engine@localhost" : from;
        reminderLead = reminderLead == null ? Duration.ofDays(14) : reminderLead;
        digestAt = digestAt == null ? LocalTime.of(6, 0) : digestAt;
        noticeMaxAge = noticeMaxAge == null ? Duration.ofDays(2) : noticeMaxAge;
        mailEvery = mailEvery == null ? Duration.ofSeconds(5) : mailEvery;
        remindEvery = remindEvery == null ? Duration.ofHours(1) : remindEvery;
    }
}
