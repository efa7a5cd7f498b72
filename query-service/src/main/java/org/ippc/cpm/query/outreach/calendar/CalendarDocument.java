package org.ippc.cpm.query.outreach.calendar;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.ippc.cpm.domain.directory.Addressee;
import org.ippc.cpm.query.NotFound;
import org.ippc.cpm.query.outreach.Deadlines;
import org.ippc.cpm.query.outreach.OutreachProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feed a calendar program subscribes to (RFC 5545, written by ical4j): the sessions whose days are known, and the
 * addressee's deadlines (a party's or RPPO's: the rounds' input; a body's: its action items, on the first day of the
 * due session). Each event's UID is the record's own ({@code session/CPM-10@cpm-engine}), so a change moves the event
 * in the subscriber's calendar instead of adding another.
 */
@Hidden
@RestController
class CalendarDocument {

    static final String UID_DOMAIN = "@cpm-engine";

    private final CalendarFeeds feeds;
    private final Deadlines deadlines;
    private final JdbcTemplate jdbc;
    private final String baseUrl;

    CalendarDocument(CalendarFeeds feeds, Deadlines deadlines, DataSource dataSource, OutreachProperties settings) {
        this.feeds = feeds;
        this.deadlines = deadlines;
        this.jdbc = new JdbcTemplate(dataSource);
        this.baseUrl = settings.baseUrl();
    }

    @GetMapping(path = "/feeds/calendar/{token}.ics", produces = "text/calendar;charset=UTF-8")
    String feed(@PathVariable String token) {
        String addressee = feeds.addresseeOf(token);
        if (addressee == null) {
            throw new NotFound("No calendar feed at this address (it may have been revoked)");
        }
        return write(calendar(addressee));
    }

    Calendar calendar(String addressee) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//IPPC//cpm-engine//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN);
        jdbc.query(
                "SELECT session_id, opens_on, closes_on, status FROM outreach_session"
                        + " WHERE opens_on IS NOT NULL ORDER BY session_number",
                rs -> {
                    String session = rs.getString(1);
                    LocalDate opens = rs.getObject(2, LocalDate.class);
                    LocalDate closes = rs.getObject(3, LocalDate.class);
                    VEvent event = new VEvent(
                                    opens, closes.plusDays(1), session + " (Commission on Phytosanitary Measures)")
                            .add(new Uid("session/" + session + UID_DOMAIN))
                            .add(new Url(java.net.URI.create(baseUrl + "/dashboard/session.html?id=" + session)))
                            .add(new Description("Status: " + rs.getString(4)));
                    calendar.add(event);
                });
        boolean party = new Addressee(addressee).body().isEmpty();
        for (Deadlines.Deadline deadline : deadlines.of(addressee, party)) {
            if (deadline.due() == null) {
                continue;
            }
            List<String> args = deadline.textArgs();
            String summary = "input".equals(args.get(0))
                    ? "Input due: prioritisation round for " + args.get(1)
                    : "Due at " + deadline.sessionId() + ": action item " + args.get(2) + " of decision " + args.get(1);
            if (!"OPEN".equals(deadline.status())) {
                summary += " (" + deadline.status().toLowerCase(java.util.Locale.ROOT) + ")";
            }
            VEvent event = deadline.allDay()
                    ? new VEvent(
                            deadline.due().atZone(ZoneOffset.UTC).toLocalDate(),
                            deadline.due().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1),
                            summary)
                    : new VEvent(deadline.due().atZone(ZoneOffset.UTC), summary);
            event.add(new Uid(deadline.id() + UID_DOMAIN))
                    .add(new Description("input".equals(args.get(0)) ? "Round " + args.get(2) : args.get(3)))
                    .add(new Url(java.net.URI.create(baseUrl + "/dashboard/session.html?id=" + deadline.sessionId())))
                    .add(
                            "OPEN".equals(deadline.status())
                                    ? new Status(Status.VALUE_CONFIRMED)
                                    : new Status(Status.VALUE_CANCELLED));
            calendar.add(event);
        }
        return calendar;
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
