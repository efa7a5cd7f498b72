package org.ippc.cpm.query.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ippc.cpm.client.ApiClient;
import org.ippc.cpm.client.api.AuditApi;
import org.ippc.cpm.client.api.CalendarFeedsApi;
import org.ippc.cpm.client.api.DecisionApi;
import org.ippc.cpm.client.api.DirectoryApi;
import org.ippc.cpm.client.api.EMailNoticesApi;
import org.ippc.cpm.client.api.LanguagesApi;
import org.ippc.cpm.client.api.PapersApi;
import org.ippc.cpm.client.api.ProgrammeApi;
import org.ippc.cpm.client.api.ReadModelAdministrationApi;
import org.ippc.cpm.client.api.ReadModelsApi;
import org.ippc.cpm.client.api.RoundApi;
import org.ippc.cpm.client.api.SessionApi;
import org.ippc.cpm.client.api.SignInApi;
import org.ippc.cpm.client.api.TranslationApi;
import org.ippc.cpm.client.api.WebhooksApi;
import org.ippc.cpm.client.model.CommandAccepted;
import org.ippc.cpm.client.model.ExportedEvent;
import org.ippc.cpm.client.model.LogEntry;
import org.ippc.cpm.client.model.ProgrammeRow;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.domain.seed.SeedStory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client author's view: the Java client that openapi-generator 7.25.0 made at build time from docs/openapi.json,
 * which must be the document this engine serves, runs the whole seed story and every query, audit, export and
 * administration operation, typed end to end (run with -Dopenapi.write=true to rewrite the committed document).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:generated-client;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1",
            "server.shutdown=immediate"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientTest {

    private static final Path DOCUMENT = Path.of("../docs/openapi.json");
    private static final String PILOT = SeedStory.PILOT.value();

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void the_client_is_generated_from_the_document_the_engine_serves() throws Exception {
        String served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        JsonNode document = HttpApi.JSON.readTree(served);
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(
                    DOCUMENT, HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        }
        assertThat(HttpApi.JSON.readTree(Files.readString(DOCUMENT)))
                .as("docs/openapi.json is stale: run this test with -Dopenapi.write=true")
                .isEqualTo(document);
    }

    @Test
    @Order(2)
    void the_generated_client_runs_the_seed_story_and_every_read_operation() throws Exception {
        long pilotVersion = -1;
        for (SeedStory.Step step : SeedStory.steps()) {
            CommandAccepted accepted = send(step);
            assertThat(accepted.getCommand()).isEqualTo(step.command());
            assertThat(accepted.getVersion()).isNotNegative();
            if (accepted.getAggregateId().equals(PILOT)) {
                pilotVersion = accepted.getVersion();
            }
        }
        long projected = pilotVersion;

        var options = new SignInApi(client(null)).signInOptions();
        assertThat(options.getPasswords()).isTrue();
        assertThat(options.getOidc()).as("no provider configured here").isNull();
        var nz = new SignInApi(client("nz")).signedIn();
        assertThat(nz.getParty()).isEqualTo("NZ");
        assertThat(nz.getCommands()).contains("pledgeResources").doesNotContain("selectPriority");

        ReadModelsApi reads = new ReadModelsApi(client("viewer"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reads.programme(PILOT).getVersion() == projected);
        ProgrammeRow pilot = reads.programme(PILOT);
        assertThat(pilot.getStage()).hasToString("UNDER_MANAGEMENT");
        assertThat(pilot.getYearTwoSession()).isEqualTo("CPM-11");
        assertThat(reads.board("UNDER_MANAGEMENT", null, null, 0, 50, "title,desc")
                        .getItems())
                .extracting(ProgrammeRow::getProgrammeId)
                .containsExactly(PILOT);
        assertThat(reads.board(null, null, null, null, null, null).getTotal()).isEqualTo(2);
        assertThat(reads.board(null, null, "KE", null, null, null).getItems())
                .as("Kenya pledged to the pilot and joined it, and did nothing else")
                .extracting(ProgrammeRow::getProgrammeId)
                .containsExactly(PILOT);
        assertThat(reads.board(null, null, "ZZ", null, null, null).getTotal()).isZero();
        assertThat(reads.timeline(PILOT))
                .extracting(LogEntry::getEventType)
                .contains("ProgrammeProposed", "PlanPresented");
        assertThat(reads.timeline(PILOT).get(0).getTookPlaceOn())
                .as("the day the story's proposal took place, beside its recording time")
                .isEqualTo(LocalDate.parse("2015-01-20"));
        assertThat(reads.experts(PILOT)).isNotEmpty();
        assertThat(reads.funding(PILOT)).isNotEmpty();
        assertThat(reads.fundingByProgramme())
                .anySatisfy(funding -> assertThat(funding.getGapUsd()).isEqualByComparingTo(pilot.getGapUsd()));
        assertThat(reads.fundingByParty())
                .anySatisfy(party -> assertThat(party.getParty()).isEqualTo("NZ"));
        assertThat(reads.sessions())
                .extracting(session -> session.getSessionId())
                .containsExactly("CPM-9", "CPM-10", "CPM-11");
        assertThat(reads.agenda("CPM-11").getSession().getStatus()).hasToString("OPEN");
        assertThat(reads.lifecycle()).isNotEmpty();

        AuditApi audit = new AuditApi(client("auditor"));
        long total = audit.decisionLog(null, null, null, null, null, null, null, 0, 1, null)
                .getTotal();
        List<ExportedEvent> exported = audit.exportLog("json", null, null, null, null, null, null, null);
        assertThat(exported).hasSize((int) total);
        assertThat(audit.decisionLog("CPM-10", null, "CPM", null, null, null, null, 0, 100, "globalIndex,desc")
                        .getItems())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getActorRole()).hasToString("CPM"));
        var history = audit.history(PILOT);
        assertThat(history).hasSize(pilot.getVersion().intValue() + 1);
        OffsetDateTime first = history.get(0).getTimestamp();
        OffsetDateTime last = history.get(history.size() - 1).getTimestamp();
        assertThat(audit.stateAsOf(PILOT, null, null, 0L, null, null).getVersion())
                .isZero();
        assertThat(audit.stateAsOf(PILOT, last.toString(), null, null, null, null)
                        .getVersion())
                .isEqualTo(pilot.getVersion());
        OffsetDateTime cpm10Closed = audit.history("CPM-10").stream()
                .filter(event -> event.getEventType().equals("SessionClosed"))
                .findFirst()
                .orElseThrow()
                .getTimestamp();
        assertThat(audit.stateAsOf(PILOT, null, null, null, "CPM-10", "closed").getVersion())
                .isEqualTo(history.stream()
                                .filter(event -> !event.getTimestamp().isAfter(cpm10Closed))
                                .count()
                        - 1);
        assertThat(audit.stateDiff(PILOT, first.toString(), last.toString()).getChanges())
                .isNotEmpty();
        assertThat(audit.stateDiff(PILOT, "CPM-10:closed", "2016-04-05").getEvents())
                .as("from CPM-10's close to the presentation at CPM-11, by the days the story took place")
                .last()
                .asString()
                .endsWith("PlanPresented");
        assertThat(audit.verifyChains().getIntact()).isTrue();
        var checkpoint = audit.takeCheckpoint();
        assertThat(checkpoint.getHeads()).isNotEmpty();
        assertThat(audit.verifyCheckpoint(checkpoint).getIntact()).isTrue();

        assertThat(new EMailNoticesApi(client("secretariat")).contactPoints()).hasSize(3);
        assertThat(new EMailNoticesApi(client("auditor")).mailOutbox("FAILED", 10))
                .isEmpty();
        assertThat(new WebhooksApi(client("auditor")).webhookSubscriptions()).isEmpty();
        assertThat(new CalendarFeedsApi(client("secretariat")).calendarFeeds()).isEmpty();

        ReadModelAdministrationApi admin = new ReadModelAdministrationApi(client("auditor"));
        assertThat(admin.deadLetters()).isEmpty();
        assertThat(admin.retryDeadLetters().getSequencesLeft()).isZero();
        assertThat(admin.rebuildReadModels().getRequestedBy()).isEqualTo("auditor");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !admin.rebuildStatus().getRunning());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(reads.programme(PILOT).getGapUsd())
                        .isEqualByComparingTo(pilot.getGapUsd() == null ? BigDecimal.ZERO : pilot.getGapUsd()));
    }

    /**
     * The TypeScript client (typescript-fetch) compiled by tsc at build time sends a command with the day it took place:
     * seen failing first while the document said {@code format: date} (the client typed it Date and sent
     * Date.toString(), a 400 "must be a date").
     */
    @Test
    @Order(3)
    void the_generated_typescript_client_sends_a_dated_command() throws Exception {
        Path program = Path.of("target/typescript-client/out/send-dated-command.js");
        assertThat(program).as("compiled by src/test/typescript/compile.sh").exists();
        Process node = new ProcessBuilder(
                        "node", program.toString(), "http://localhost:" + port, "cpm", "CPM-40", "2045", "2026-11-02")
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        assertThat(HttpApi.JSON.readTree(output).get("aggregateId").asText()).isEqualTo("CPM-40");
        assertThat(new ReadModelsApi(client("viewer")).translations("programme:" + PILOT))
                .extracting(translation -> translation.getLanguage().getValue())
                .containsExactlyInAnyOrder("AR", "FR", "RU", "ZH", "AR", "FR");
        assertThat(new LanguagesApi(client(null)).catalogue("ar").getMessages())
                .containsEntry("ui.nav.board", "لوحة الحالة");
        assertThat(new PapersApi(client("viewer")).pdf("CPM-11", "plans", "zh", null))
                .isNotEmpty();

        assertThat(new AuditApi(client("auditor")).history("CPM-40").get(0).getMetadata())
                .containsEntry("cpm.tookPlaceOn", "2026-11-02");
    }

    /**
     * The command's operation, found by its operationId, called with the step's body as its typed request and the day
     * it took place.
     */
    private CommandAccepted send(SeedStory.Step step) throws Exception {
        ApiClient client = client(step.user());
        Method operation = Stream.of(
                        new SessionApi(client),
                        new RoundApi(client),
                        new ProgrammeApi(client),
                        new DecisionApi(client),
                        new DirectoryApi(client),
                        new TranslationApi(client))
                .flatMap(api -> Arrays.stream(api.getClass().getMethods())
                        .filter(method -> method.getName().equals(step.command()) && method.getParameterCount() == 4))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + step.command()));
        Object api =
                operation.getDeclaringClass().getConstructor(ApiClient.class).newInstance(client);
        Object request =
                client.getObjectMapper().readValue(step.body(), operation.getParameterTypes()[0]);
        return (CommandAccepted) operation.invoke(
                api,
                request,
                null,
                null,
                step.tookPlaceOn() == null ? null : step.tookPlaceOn().toString());
    }

    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        if (user != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", HttpApi.basic(user, user)));
        }
        return client;
    }
}
