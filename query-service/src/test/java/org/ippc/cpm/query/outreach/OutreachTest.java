package org.ippc.cpm.query.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.domain.directory.RegisterContactPoint;
import org.ippc.cpm.domain.seed.SeedStory;
import org.ippc.cpm.eventstore.StoredEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the engine sends out, received by real servers: the seed story's e-mails by a GreenMail SMTP server (headers,
 * both parts, links that work, each person's language), its events by webhook receivers on real HTTP servers that
 * check the Standard Webhooks signatures themselves (one fails for a while, one is slow), and its calendar feeds
 * parsed back by ical4j. The story is sent step by step with the directory first, so that its decisions reach
 * the contact points; the reminders are asked for as of days of the story.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "server.shutdown=immediate",
            "spring.datasource.url=jdbc:h2:mem:outreach;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1",
            "cpm.outreach.mail-every=200ms",
            "cpm.outreach.remind-every=1h",
            "cpm.webhooks.allow-private-targets=true",
            "cpm.webhooks.poll-interval=50ms",
            "cpm.webhooks.timeout=1s",
            "cpm.webhooks.retry-schedule=100ms,200ms,300ms,1s,2s"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutreachTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final int PORT = freePort();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        properties.add("cpm.outreach.from", () -> "ippc@fao.example.org");
        // The links in e-mails and feeds start with the engine's public address.
        properties.add("server.port", () -> PORT);
        properties.add("cpm.outreach.base-url", () -> "http://localhost:" + PORT);
    }

    private final int port = PORT;

    /** The SMTP server as the engine reaches it: GreenMail, or a server that is down or rejects the recipient. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Smtp {

        static volatile String failing;

        @org.springframework.context.annotation.Bean
        org.springframework.mail.javamail.JavaMailSender mailSender() {
            var sender = new org.springframework.mail.javamail.JavaMailSenderImpl() {
                @Override
                protected void doSend(MimeMessage[] messages, Object[] originals) {
                    if ("down".equals(failing)) {
                        throw new org.springframework.mail.MailSendException("Connection refused: the server is down");
                    }
                    if ("rejecting".equals(failing)) {
                        throw new org.springframework.mail.MailSendException(
                                Map.of(messages[0], new jakarta.mail.SendFailedException("550 5.1.1 no such mailbox")));
                    }
                    super.doSend(messages, originals);
                }
            };
            sender.setHost("127.0.0.1");
            sender.setPort(SMTP.getSmtp().getPort());
            return sender;
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    org.ippc.cpm.query.outreach.Reminders reminders;

    @Autowired
    StoredEvents storedEvents;

    private HttpApi api() {
        return new HttpApi(port);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    @Order(1)
    void the_seed_story_s_deadlines_and_decisions_reach_nz_the_spg_and_the_finance_committee_by_email()
            throws Exception {
        HttpApi api = api();
        List<SeedStory.Dated> story = SeedStory.story();
        // the directory first, so that the story's decisions and deadlines find their contact points
        List<SeedStory.Dated> ordered = new ArrayList<>(story.stream()
                .filter(dated -> dated.command() instanceof RegisterContactPoint)
                .toList());
        story.stream()
                .filter(dated -> !(dated.command() instanceof RegisterContactPoint))
                .forEach(ordered::add);
        for (SeedStory.Dated dated : ordered) {
            SeedStory.Step step = SeedStory.Step.of(dated);
            assertThat(api.post(
                                    step.user(),
                                    step.command(),
                                    step.body(),
                                    Map.of("Took-Place-On", step.tookPlaceOn().toString()))
                            .status())
                    .as(step.command())
                    .isEqualTo(200);
            if (step.command().equals("openRound")) {
                // A week before CPM-10 opens (16 March 2015) its action items are due; the round's input is not yet.
                awaitProjected();
                assertThat(reminders.remindAt(Instant.parse("2015-03-09T08:00:00Z")))
                        .isEqualTo(2);
                // The round's input is due at the end of 2099: a reminder a week before, a notice on the day.
                assertThat(reminders.remindAt(Instant.parse("2099-12-24T08:00:00Z")))
                        .isEqualTo(1);
                assertThat(reminders.remindAt(Instant.parse("2099-12-31T08:00:00Z")))
                        .isEqualTo(1);
                assertThat(reminders.remindAt(Instant.parse("2099-12-31T09:00:00Z")))
                        .as("each notice once")
                        .isZero();
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> byRecipient()
                                .keySet()
                                .containsAll(Set.of(
                                        "ippc.contact@mpi.example.nz", "spg.chair@example.org", "fc.chair@example.org"))
                        && outboxWaiting() == 0);

        Map<String, List<MimeMessage>> mails = byRecipient();
        assertThat(subjects(mails.get("ippc.contact@mpi.example.nz")))
                .containsExactlyInAnyOrder(
                        "Reminder: your input to the prioritisation round for CPM-10, due on 2099-12-31",
                        "Due today: your input to the prioritisation round for CPM-10");
        assertThat(subjects(mails.get("spg.chair@example.org")))
                .contains("La décision CPM-9-5 de la CMP vous demande d'agir d'ici la CPM-10")
                .anyMatch(subject -> subject.startsWith("Rappel : le point d'action 5a de la décision CPM-9-5"));
        assertThat(subjects(mails.get("fc.chair@example.org")))
                .contains("La decisión CPM-9-6 de la CMF le pide actuar antes de la CPM-10")
                .anyMatch(subject -> subject.startsWith("Recordatorio: el punto de acción 6b de la decisión CPM-9-6"));

        MimeMessage decision = mails.get("spg.chair@example.org").stream()
                .filter(m -> subject(m).startsWith("La décision CPM-9-5"))
                .findFirst()
                .orElseThrow();
        assertThat(decision.getFrom()[0].toString()).isEqualTo("ippc@fao.example.org");
        assertThat(decision.getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo("spg.chair@example.org");
        assertThat(decision.getMessageID()).matches("<[0-9a-f]{32}@cpm-engine>");
        assertThat(decision.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Multipart parts = (Multipart) decision.getContent();
        String text = part(parts, "text/plain");
        String html = part(parts, "text/html");
        assertThat(text).contains("Madame, Monsieur (spg-chair),", "Propose selection criteria");
        assertThat(html).contains("<html lang=\"fr\">", "Propose selection criteria");
        String link = "http://localhost:" + port + "/dashboard/session.html?id=CPM-10";
        assertThat(text).contains(link);
        assertThat(html).contains("href=\"" + link + "\"");
        assertThat(get(link).statusCode()).isEqualTo(200);

        if (Boolean.getBoolean("examples.write")) {
            writeExamples(mails);
        }
    }

    @Test
    @Order(2)
    void the_signed_link_of_an_email_changes_the_person_s_choices_without_signing_in() throws Exception {
        MimeMessage any = byRecipient().get("ippc.contact@mpi.example.nz").get(0);
        String text = part((Multipart) any.getContent(), "text/plain");
        String page = text.lines()
                .filter(line -> line.contains("/outreach/choices?token="))
                .map(line -> line.substring(line.indexOf("http")))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> shown = get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("nz-contact-point", "NZ");
        String token = page.substring(page.indexOf("token=") + 6);

        HttpResponse<String> tampered = get(page.replace("token=", "token=x"));
        assertThat(tampered.statusCode()).isEqualTo(400);

        // The same browser may hold a dashboard session: the page acts on its signed link, not on the session.
        HttpResponse<String> signedIn = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sign-in/session"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"user\":\"viewer\",\"password\":\"viewer\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String session = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session: " + signedIn.statusCode() + " " + signedIn.body()));
        HttpResponse<String> saved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/outreach/choices"))
                                .header("Cookie", session)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&delivery=DAILY_DIGEST"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your choice is recorded");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode contacts =
                    api().get("secretariat", "/api/outreach/contacts").body();
            JsonNode nz = contacts.findParents("person").stream()
                    .filter(c -> c.get("person").asText().equals("nz-contact-point"))
                    .findFirst()
                    .orElseThrow();
            assertThat(nz.get("delivery").asText()).isEqualTo("DAILY_DIGEST");
            assertThat(nz.get("optionalNotices").asBoolean()).isFalse();
        });
        JsonNode log = api().get("auditor", "/api/audit/aggregates/NZ/history").body();
        assertThat(log.toString()).contains("NotificationsChosen");
    }

    @Test
    @Order(3)
    void a_receiver_gets_every_event_of_the_story_signed_in_order_per_record_also_after_failing_for_a_while()
            throws Exception {
        // Fails its first three requests (500, 500, then too slow), then answers 204.
        try (WebhookReceiver receiver = new WebhookReceiver(n -> n < 2 ? 500 : 204, n -> n == 2 ? 1500 : 0)) {
            // The subscriber's own secret, known to the receiver before the first delivery.
            String secret = org.ippc.cpm.query.outreach.webhook.WebhookSignature.newSecret();
            receiver.expectSecret(secret);
            HttpApi.Answer created = api().postTo(
                            "secretariat",
                            "/api/webhooks",
                            Map.of("url", receiver.url(), "startAt", "BEGINNING", "secret", secret),
                            Map.of());
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().get("secret").asText()).isEqualTo(secret);
            String id = created.body().get("subscription").get("id").asText();

            long events = storedEvents.count();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.received.stream()
                                    .map(WebhookReceiver.Received::webhookId)
                                    .distinct()
                                    .count()
                            >= events);
            assertThat(receiver.received).allMatch(WebhookReceiver.Received::signatureValid);
            // At least once: a delivery the engine gave up on (too slow) may arrive too; a receiver keeps the first of
            // each webhook-id.
            Map<String, List<Long>> sequences = new HashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            for (WebhookReceiver.Received received : receiver.received) {
                if (!seen.add(received.webhookId())) {
                    continue;
                }
                JsonNode envelope = received.envelope();
                assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
                assertThat(envelope.get("id").asText()).isEqualTo(received.webhookId());
                assertThat(envelope.get("type").asText()).startsWith("int.ippc.cpm.");
                sequences
                        .computeIfAbsent(envelope.get("subject").asText(), s -> new ArrayList<>())
                        .add(envelope.get("cpmsequence").asLong());
            }
            sequences.forEach((subject, numbers) ->
                    assertThat(numbers).as(subject).isSorted().doesNotHaveDuplicates());

            JsonNode deliveries = api().get("auditor", "/api/webhooks/" + id + "/deliveries?limit=1000")
                    .body();
            List<JsonNode> failed = deliveries.findParents("outcome").stream()
                    .filter(d -> d.get("outcome").asText().equals("FAILED"))
                    .toList();
            assertThat(failed).hasSize(3);
            assertThat(failed.stream().map(d -> d.get("eventId").asText()).distinct())
                    .as("the same event, retried")
                    .hasSize(1);
            assertThat(failed.stream().map(d -> d.path("httpStatus").asInt(0)).toList())
                    .containsExactlyInAnyOrder(500, 500, 0);
        }
    }

    @Test
    @Order(4)
    void a_subscription_that_keeps_failing_is_paused_saying_why_and_resumes_from_its_cursor() throws Exception {
        try (WebhookReceiver down = new WebhookReceiver(n -> 503, n -> 0)) {
            HttpApi.Answer created = api().postTo(
                            "secretariat",
                            "/api/webhooks",
                            Map.of(
                                    "url",
                                    down.url(),
                                    "eventTypes",
                                    List.of("PrioritySelected"),
                                    "startAt",
                                    "BEGINNING"),
                            Map.of());
            String id = created.body().get("subscription").get("id").asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> api().get("secretariat", "/api/webhooks/" + id)
                                    .body()
                                    .get("status")
                                    .asText(),
                            "PAUSED"::equals);
            JsonNode paused = api().get("secretariat", "/api/webhooks/" + id).body();
            assertThat(paused.get("pausedReason").asText()).contains("6 attempts failed", "HTTP 503");
            assertThat(down.requests()).isEqualTo(6);

            HttpApi.Answer unknownType = api().postTo(
                            "secretariat",
                            "/api/webhooks",
                            Map.of("url", down.url(), "eventTypes", List.of("Nothing")),
                            Map.of());
            assertThat(unknownType.status()).isEqualTo(400);
            assertThat(api().postTo("viewer", "/api/webhooks", Map.of("url", down.url()), Map.of())
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    @Order(5)
    void calendar_feeds_of_a_party_and_a_body_are_read_by_a_calendar_parser_and_revoked() throws Exception {
        HttpApi.Answer spgFeed =
                api().postTo("secretariat", "/api/calendar-feeds", Map.of("addressee", "SPG"), Map.of());
        assertThat(spgFeed.status()).isEqualTo(201);
        HttpResponse<String> ics = get(spgFeed.body().get("url").asText());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        Map<String, String> byUid = calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(
                        e -> e.getUid().orElseThrow().getValue(),
                        e -> e.getSummary().getValue()));
        assertThat(byUid)
                .containsKeys("session/CPM-9@cpm-engine", "session/CPM-10@cpm-engine", "item/CPM-9-5/5a@cpm-engine");
        assertThat(byUid.get("item/CPM-9-5/5a@cpm-engine"))
                .startsWith("Due at CPM-10: action item 5a of decision CPM-9-5");
        assertThat(byUid).doesNotContainKey("item/CPM-9-6/6b@cpm-engine");

        HttpApi.Answer nzFeed = api().postTo("secretariat", "/api/calendar-feeds", Map.of("addressee", "NZ"), Map.of());
        Calendar nz = new CalendarBuilder()
                .build(new StringReader(get(nzFeed.body().get("url").asText()).body()));
        assertThat(nz.<VEvent>getComponents("VEVENT").stream()
                        .map(e -> e.getUid().orElseThrow().getValue()))
                .contains("input/ROUND-CPM-10@cpm-engine");
        assertThat(ics.body()).as("the same UIDs on a second read").isNotEmpty();
        assertThat(get(spgFeed.body().get("url").asText()).body()).contains("UID:session/CPM-10@cpm-engine");

        String feedId = spgFeed.body().get("id").asText();
        HttpResponse<String> revoked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/calendar-feeds/" + feedId))
                                .header("Authorization", HttpApi.basic("secretariat", "secretariat"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(get(spgFeed.body().get("url").asText()).statusCode()).isEqualTo(404);
        assertThat(api().postTo("viewer", "/api/calendar-feeds", Map.of("addressee", "NZ"), Map.of())
                        .status())
                .isEqualTo(403);
    }

    /** The receivers of docs/examples/receivers, in Python and in Java, verify every event the engine sends them. */
    @Test
    @Order(6)
    void the_integration_guide_s_receivers_in_python_and_java_verify_every_delivery() throws Exception {
        String jdk = ProcessHandle.current().info().command().orElse("java");
        String python = List.of("/usr/bin/python3", "/usr/local/bin/python3").stream()
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "python3 is on this machine");
        Path receivers = Path.of("../docs/examples/receivers").toAbsolutePath();
        for (List<String> command : List.of(
                List.of(python, receivers.resolve("receiver.py").toString()),
                List.of(jdk, receivers.resolve("Receiver.java").toString()))) {
            String secret = org.ippc.cpm.query.outreach.webhook.WebhookSignature.newSecret();
            int receiverPort = freePort();
            List<String> arguments = new ArrayList<>(command);
            arguments.add(Integer.toString(receiverPort));
            ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
            builder.environment().put("WEBHOOK_SECRET", secret);
            Process receiver = builder.start();
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(
                            receiver.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
                    .lines()
                    .forEach(lines::add));
            reader.start();
            try {
                // Subscribed once the receiver listens: this test's retry schedule is short.
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", receiverPort)) {
                        return true;
                    } catch (java.io.IOException notYet) {
                        return false;
                    }
                });
                HttpApi.Answer created = api().postTo(
                                "secretariat",
                                "/api/webhooks",
                                Map.of(
                                        "url",
                                        "http://127.0.0.1:" + receiverPort + "/hook",
                                        "secret",
                                        secret,
                                        "startAt",
                                        "BEGINNING"),
                                Map.of());
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
                long events = storedEvents.count();
                String subscription =
                        created.body().get("subscription").get("id").asText();
                try {
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> lines.stream()
                                            .filter(line -> line.startsWith("verified"))
                                            .count()
                                    >= events);
                } catch (org.awaitility.core.ConditionTimeoutException late) {
                    throw new AssertionError(command + " printed " + lines + "; the engine's last deliveries: "
                            + api().get("secretariat", "/api/webhooks/" + subscription + "/deliveries?limit=5")
                                    .raw());
                }
                assertThat(lines).as(String.join("\n", lines)).allMatch(line -> line.startsWith("verified"));
                api().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/webhooks/" + subscription))
                        .header("Authorization", HttpApi.basic("secretariat", "secretariat"))
                        .DELETE()
                        .build());
            } finally {
                receiver.destroyForcibly();
            }
        }
    }

    /** A person who chose a daily digest gets the day's notices in one e-mail when the digest hour comes. */
    @Test
    @Order(7)
    void notices_to_a_person_who_chose_a_digest_come_together_in_one_email() throws Exception {
        HttpApi api = api();
        assertThat(api.post(
                                "secretariat",
                                "chooseNotifications",
                                "{\"addressee\":\"SPG\",\"person\":\"spg-chair\",\"delivery\":\"DAILY_DIGEST\","
                                        + "\"optionalNotices\":true,\"rationale\":\"One e-mail a day\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT delivery FROM outreach_contact WHERE person = 'spg-chair'", String.class)
                        .equals("DAILY_DIGEST"));
        int before = byRecipient().get("spg.chair@example.org").size();
        assertThat(api.post(
                                "cpm",
                                "recordDecision",
                                "{\"decisionId\":\"CPM-11-1\",\"sessionId\":\"CPM-11\",\"number\":1,\"text\":\"Criteria"
                                        + " reviewed\",\"actionItems\":[{\"itemId\":\"1a\",\"addressee\":\"SPG\","
                                        + "\"dueSession\":\"CPM-12\",\"request\":\"Review the criteria\"},{\"itemId\":\"1b\","
                                        + "\"addressee\":\"SPG\",\"dueSession\":\"CPM-12\",\"request\":\"Advise on the work plan\"}],"
                                        + "\"rationale\":\"SPG report\"}")
                        .status())
                .isEqualTo(200);
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM mail_outbox WHERE person = 'spg-chair' AND digest AND status = 'WAITING'",
                                Integer.class)
                        == 2);
        Thread.sleep(1000);
        assertThat(byRecipient().get("spg.chair@example.org"))
                .as("nothing before the digest hour")
                .hasSize(before);
        // The digest hour comes.
        jdbc.update("UPDATE mail_outbox SET send_after = CURRENT_TIMESTAMP WHERE digest AND status = 'WAITING'");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> byRecipient().get("spg.chair@example.org").size() == before + 1);
        MimeMessage digest = byRecipient().get("spg.chair@example.org").get(before);
        assertThat(digest.getSubject()).isEqualTo("CMP : 2 avis pour SPG");
        assertThat(part((Multipart) digest.getContent(), "text/plain"))
                .contains("Review the criteria", "Advise on the work plan");
    }

    /** A rotated secret signs beside the old one for the overlap; a replay from position 0 delivers everything again. */
    @Test
    @Order(8)
    void a_rotated_secret_signs_beside_the_old_one_and_a_replay_delivers_again_from_a_position() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(n -> 200, n -> 0)) {
            HttpApi.Answer created = api().postTo(
                            "auditor",
                            "/api/webhooks",
                            Map.of("url", receiver.url(), "eventTypes", List.of("SessionOpened")),
                            Map.of());
            String id = created.body().get("subscription").get("id").asText();
            String old = created.body().get("secret").asText();
            assertThat(old).as("made by the engine").startsWith("whsec_");
            HttpApi.Answer rotated = api().postTo("secretariat", "/api/webhooks/" + id + "/secret", "", Map.of());
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(rotated.body().get("subscription").get("secretRotating").asBoolean())
                    .isTrue();
            String fresh = rotated.body().get("secret").asText();
            assertThat(fresh).isNotEqualTo(old);

            receiver.expectSecret(old);
            HttpApi.Answer replay =
                    api().postTo("secretariat", "/api/webhooks/" + id + "/replay", Map.of("fromPosition", 0), Map.of());
            assertThat(replay.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 3);
            assertThat(receiver.received)
                    .extracting(r -> r.envelope().get("subject").asText())
                    .containsExactly("CPM-9", "CPM-10", "CPM-11");
            assertThat(receiver.received)
                    .as("valid under the old secret during the overlap")
                    .allMatch(WebhookReceiver.Received::signatureValid)
                    .allMatch(r -> r.signatures().split(" ").length == 2);

            receiver.expectSecret(fresh);
            assertThat(api().postTo(
                                    "secretariat",
                                    "/api/webhooks/" + id + "/replay",
                                    Map.of("fromInstant", "2000-01-01T00:00:00Z"),
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 6);
            assertThat(receiver.received.subList(3, 6)).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(api().postTo("secretariat", "/api/webhooks/" + id + "/replay", Map.of(), Map.of())
                            .status())
                    .as("neither a position nor an instant")
                    .isEqualTo(400);
        }
    }

    /** An SMTP server that is down: the e-mail waits with the error; one that rejects the address: FAILED at once. */
    @Test
    @Order(9)
    void an_email_the_server_refuses_waits_and_is_retried_and_a_rejected_address_is_listed_as_failed()
            throws Exception {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        int received = byRecipient().get("fc.chair@example.org").size();
        try {
            Smtp.failing = "down";
            decision("CPM-11-2", 2, "2a");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM mail_outbox WHERE person = 'finance-committee-chair'"
                                            + " AND status = 'WAITING' AND attempts = 1",
                                    Integer.class)
                            == 1);
            assertThat(jdbc.queryForObject(
                            "SELECT last_error FROM mail_outbox WHERE status = 'WAITING' AND attempts = 1",
                            String.class))
                    .isEqualTo("attempt 1: Connection refused: the server is down");
            Smtp.failing = null;
            jdbc.update("UPDATE mail_outbox SET send_after = CURRENT_TIMESTAMP WHERE status = 'WAITING'");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> byRecipient().get("fc.chair@example.org").size() == received + 1);

            Smtp.failing = "rejecting";
            decision("CPM-11-8", 8, "8a");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api().get("secretariat", "/api/outreach/outbox?status=FAILED")
                                    .body()
                                    .size()
                            == 1);
            JsonNode failed = api().get("secretariat", "/api/outreach/outbox?status=FAILED")
                    .body()
                    .get(0);
            assertThat(failed.get("lastError").asText()).startsWith("rejected: ");
            assertThat(failed.get("email").asText()).isEqualTo("fc.chair@example.org");
            Smtp.failing = null;
            assertThat(api().postTo(
                                    "secretariat",
                                    "/api/outreach/outbox/" + failed.get("id").asLong() + "/retry",
                                    "",
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> byRecipient().get("fc.chair@example.org").size() == received + 2);
        } finally {
            Smtp.failing = null;
        }
    }

    private void decision(String id, int number, String item) {
        assertThat(api().post(
                                "cpm",
                                "recordDecision",
                                "{\"decisionId\":\"" + id + "\",\"sessionId\":\"CPM-11\",\"number\":" + number
                                        + ",\"text\":\"Resources\",\"actionItems\":[{\"itemId\":\"" + item
                                        + "\",\"addressee\":\"FINANCE_COMMITTEE\",\"dueSession\":\"CPM-12\","
                                        + "\"request\":\"Report on resources\"}],\"rationale\":\"r\"}")
                        .status())
                .isEqualTo(200);
    }

    private void awaitProjected() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get("secretariat", "/api/outreach/contacts")
                                .body()
                                .size()
                        == 3);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("http://localhost:" + port + "/api/board").statusCode() > 0 && deadlines() >= 5);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    private int deadlines() {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("SELECT COUNT(*) FROM outreach_deadline", Integer.class);
    }

    private int outboxWaiting() {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = 'WAITING'", Integer.class);
    }

    private static Map<String, List<MimeMessage>> byRecipient() {
        Map<String, List<MimeMessage>> mails = new HashMap<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            try {
                mails.computeIfAbsent(
                                message.getRecipients(Message.RecipientType.TO)[0].toString(), r -> new ArrayList<>())
                        .add(message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(OutreachTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of the given type, in a multipart/mixed that holds a multipart/alternative (Spring's layout). */
    static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("multipart/*")) {
                String found = part((Multipart) part.getContent(), type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** docs/examples/mail: the e-mails of the story as their recipients get them (-Dexamples.write=true). */
    private static void writeExamples(Map<String, List<MimeMessage>> mails) throws Exception {
        Path folder = Path.of("../docs/examples/mail");
        Files.createDirectories(folder);
        for (var entry : mails.entrySet()) {
            int n = 1;
            for (MimeMessage message : entry.getValue()) {
                Multipart parts = (Multipart) message.getContent();
                String name = entry.getKey().substring(0, entry.getKey().indexOf('@')) + "-" + n++;
                Files.writeString(
                        folder.resolve(name + ".txt"),
                        "To: " + entry.getKey() + "\nSubject: " + message.getSubject() + "\n\n"
                                + part(parts, "text/plain"));
                Files.writeString(folder.resolve(name + ".html"), part(parts, "text/html"));
            }
        }
    }
}
