package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.command.HttpApi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workbench and the auditor's console in a real headless Chromium, on the demo data: a CPM member closes the pilot
 * from its page (after a refusal shown in the form), and an auditor answers "what was the state when CPM-10 closed,
 * and has anything changed since" in the console.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cpm.demo.load=true",
            "server.shutdown=immediate",
            "cpm.live.poll-interval=20ms",
            "spring.datasource.url=jdbc:h2:mem:workbench;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    private static final String PILOT = "surveillance-pilot";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void a_cpm_member_closes_a_programme_from_its_page_after_a_refusal_shown_in_the_form() throws IOException {
        try (Chromium chromium = new Chromium(port)) {
            chromium.open("/dashboard/programme.html?id=" + PILOT);
            chromium.signIn("cpm");
            WebElement close =
                    chromium.wait.until(d -> d.findElement(By.cssSelector("details[data-command='closeProgramme']")));
            assertThat(chromium.browser.findElements(By.cssSelector("#workbench details")))
                    .extracting(action -> action.getAttribute("data-command"))
                    .as("the CPM's actions in this stage, and no one else's")
                    .containsExactly("closeProgramme", "correctRecord");
            close.findElement(By.tagName("summary")).click();
            close.findElement(By.cssSelector("#f-rationale")).sendKeys("Objectives met");
            close.findElement(By.cssSelector("button[type='submit']")).click();
            String refusal = chromium.wait
                    .until(d -> close.findElement(By.cssSelector(".refusal")))
                    .getText();
            assertThat(refusal)
                    .startsWith("Refused by rule M4: ")
                    .contains("outcomeStatement must not be blank")
                    .as("the rule named once (seen failing first: 'Rule M4: Invalid request ... M4: outcomeStatement')")
                    .containsOnlyOnce("M4");
            chromium.screenshot("workbench-refusal");
            chromium.assertAccessible("a programme's page with a refusal");

            close.findElement(By.cssSelector("#f-outcomeStatement")).sendKeys("Surveillance guide adopted");
            close.findElement(By.cssSelector("button[type='submit']")).click();
            chromium.wait.until(d ->
                    d.findElement(By.id("stage")).getAttribute("data-stage").equals("CLOSED"));
            chromium.wait.until(d -> d.findElements(By.cssSelector("#workbench details[data-command='closeProgramme']"))
                    .isEmpty());
            assertThat(chromium.browser.findElements(By.cssSelector("#workbench details")))
                    .extracting(action -> action.getAttribute("data-command"))
                    .as("a closed programme's record can still be corrected (A1)")
                    .containsExactly("correctRecord");
            chromium.screenshot("workbench-closed");

            chromium.browser.findElement(By.id("sign-out")).click();
            chromium.wait.until(d -> !d.findElements(By.id("sign-in")).isEmpty());
        }
    }

    @Test
    @Order(2)
    void an_auditor_sees_the_state_when_cpm_10_closed_and_verifies_the_chains_in_the_console() throws IOException {
        try (Chromium chromium = new Chromium(port)) {
            openTheConsoleOnThePilot(chromium);
            chromium.browser
                    .findElement(By.cssSelector("#as-of-session option[value='CPM-10']"))
                    .click();
            chromium.browser.findElement(By.id("show-state")).click();
            String state = chromium.wait.until(
                    d -> d.findElement(By.id("state")).getText().isEmpty()
                            ? null
                            : d.findElement(By.id("state")).getText());
            assertThat(state).contains("DEVELOPMENT_DELEGATED").doesNotContain("UNDER_MANAGEMENT");
            chromium.browser.findElement(By.id("verify")).click();
            assertThat(chromium.wait.until(d -> d.findElement(By.id("intact"))).getText())
                    .startsWith("Intact");
            chromium.browser.findElement(By.id("take-checkpoint")).click();
            chromium.wait.until(d ->
                    !d.findElement(By.id("checkpoint")).getAttribute("value").isEmpty());
            chromium.browser.findElement(By.id("verify-checkpoint")).click();
            assertThat(chromium.wait
                            .until(d -> d.findElement(By.id("checkpoint-holds")))
                            .getText())
                    .contains("every chain still holds");
            chromium.browser.findElement(By.id("rebuild")).click();
            chromium.wait.until(
                    d -> d.findElement(By.id("rebuild-status")).getText().startsWith("Done"));
            assertThat(chromium.browser.findElement(By.id("dead-letters")).getText())
                    .isEqualTo("None");
            chromium.screenshot("auditor-console");
            chromium.assertAccessible("the auditor's console");
        }
    }

    /**
     * The next year-1 path, every step in the browser by the role that takes it: CPM-12 scheduled, its round opened,
     * input given, criteria set, input closed, the options weighed, a priority proposed; then at CPM-12 the priority
     * selected, its plan approved and its development delegated, from the new programme's page.
     */
    @Test
    @Order(3)
    void the_year_1_path_runs_in_the_browser_from_the_round_to_the_delegation() throws IOException {
        try (Chromium chromium = new Chromium(port)) {
            String round = "ROUND-CPM-12";
            act(chromium, "cpm", "scheduleSession", Map.of("sessionId", "CPM-12", "year", "2017"));
            act(
                    chromium,
                    "secretariat",
                    "openRound",
                    Map.of("sessionId", "CPM-12", "inputDeadline", "2099-12-31T23:59:59Z"));
            act(chromium, "nz", "submitInput", Map.of("roundId", round, "documentReference", "CPM 2017/INF/NZ"));
            act(
                    chromium,
                    "secretariat",
                    "establishSelectionCriteria",
                    Map.of("roundId", round, "criteria", "impact\nfeasibility"));
            act(chromium, "secretariat", "closeInput", Map.of("roundId", round));
            act(
                    chromium,
                    "secretariat",
                    "completeAnalysis",
                    Map.of(
                            "roundId",
                            round,
                            "options",
                            "[{\"optionId\":\"pfa\",\"title\":\"Pest free areas\",\"assessments\":"
                                    + "[{\"criterion\":\"impact\",\"finding\":\"high\"},"
                                    + "{\"criterion\":\"feasibility\",\"finding\":\"fair\"}]}]"));
            Map<String, String> proposal = new LinkedHashMap<>(Map.of(
                    "roundId", round,
                    "programmeId", "pest-free-areas",
                    "optionId", "pfa",
                    "title", "Implementation programme on pest free areas",
                    "conventionArticle", "Article IV.2(e)"));
            for (String element : List.of(
                    "situationAnalysis",
                    "highLevelGoal",
                    "objective",
                    "scope",
                    "potentialActivities",
                    "indicatorsOfSuccess")) {
                proposal.put("highLevelPlan." + element, "The plan's " + element);
            }
            act(chromium, "secretariat", "proposePriority", proposal);
            actOn(chromium, "cpm", "/dashboard/session.html?id=CPM-11", "closeSession", Map.of());
            actOn(chromium, "cpm", "/dashboard/session.html?id=CPM-12", "openSession", Map.of());
            chromium.wait.until(d -> d.findElement(By.id("title")).getText().endsWith("Open"));
            chromium.assertAccessible("a session's page with its actions");

            chromium.open("/dashboard/programme.html?id=pest-free-areas");
            for (String command : List.of("selectPriority", "approveHighLevelPlan", "delegateDevelopment")) {
                Map<String, String> fields = command.equals("delegateDevelopment")
                        ? Map.of("developer", "SECRETARIAT", "operationalGuidance", "BUREAU")
                        : Map.of();
                submit(chromium, command, fields);
            }
            chromium.wait.until(d ->
                    d.findElement(By.id("stage")).getAttribute("data-stage").equals("DEVELOPMENT_DELEGATED"));
            chromium.screenshot("year-1-delegated");
        }
    }

    /**
     * The console's tools on a store that has been tampered with: the state on a day of the story and what changed
     * since CPM-10 closed; a dead letter shown and retried; a tail deleted with its hashes, which the chain walk cannot
     * see and the checkpoint taken before it does; an edited event marked on its chain. Last, as it damages the store.
     */
    @Test
    @Order(4)
    void an_auditor_finds_a_dead_letter_a_deleted_tail_and_an_edited_event_in_the_console() throws IOException {
        try (Chromium chromium = new Chromium(port)) {
            openTheConsoleOnThePilot(chromium);
            setValue(chromium, "as-of-day", "2016-04-05");
            chromium.browser.findElement(By.id("show-state")).click();
            chromium.wait.until(d -> d.findElement(By.id("state")).getText().contains("UNDER_MANAGEMENT"));
            assertThat(chromium.browser.findElement(By.id("state")).getText())
                    .as("presented at CPM-11 on 5 April 2016, long before the closure of the first test")
                    .doesNotContain("CLOSED");
            chromium.browser.findElement(By.id("diff-from")).sendKeys("CPM-10:closed");
            chromium.browser.findElement(By.id("diff-to")).sendKeys("2016-04-05");
            chromium.browser.findElement(By.id("show-diff")).click();
            assertThat(chromium.wait
                            .until(d -> d.findElement(By.cssSelector("#diff tbody tr td:nth-child(4)")))
                            .getText())
                    .isNotEmpty();
            assertThat(chromium.browser.findElement(By.id("diff")).getText())
                    .contains("PlanPresented")
                    .doesNotContain("ProgrammeClosed");

            jdbc.execute(
                    "CREATE TABLE board_backup AS SELECT * FROM programme_board WHERE programme_id = '" + PILOT + "'");
            jdbc.update("DELETE FROM programme_board WHERE programme_id = ?", PILOT);
            try {
                assertThat(new HttpApi(port)
                                .post(
                                        "secretariat",
                                        "correctRecord",
                                        "{\"programmeId\":\"" + PILOT + "\",\"correctedSequence\":3,"
                                                + "\"correction\":\"Second sitting\",\"rationale\":\"Minutes\"}")
                                .status())
                        .isEqualTo(200);
                chromium.wait.until(d -> {
                    d.findElement(By.id("show-dead-letters")).click();
                    return d.findElement(By.id("dead-letters")).getText().contains("Record corrected of " + PILOT);
                });
            } finally {
                jdbc.execute("INSERT INTO programme_board SELECT * FROM board_backup");
                jdbc.execute("DROP TABLE board_backup");
            }
            chromium.browser.findElement(By.id("retry")).click();
            chromium.wait.until(
                    d -> d.findElement(By.id("dead-letters")).getText().equals("None"));

            chromium.browser.findElement(By.id("take-checkpoint")).click();
            chromium.wait.until(d ->
                    !d.findElement(By.id("checkpoint")).getAttribute("value").isEmpty());
            String tail = jdbc.queryForObject(
                    "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?"
                            + " ORDER BY sequencenumber DESC LIMIT 1",
                    String.class,
                    PILOT);
            jdbc.update("DELETE FROM event_hash WHERE event_id = ?", tail);
            jdbc.update("DELETE FROM domainevententry WHERE eventidentifier = ?", tail);
            chromium.browser.findElement(By.id("verify")).click();
            assertThat(chromium.wait.until(d -> d.findElement(By.id("intact"))).getText())
                    .as("a tail deleted with its hashes leaves every chain whole")
                    .startsWith("Intact");
            chromium.browser.findElement(By.id("verify-checkpoint")).click();
            chromium.wait.until(d -> d.findElement(By.id("checkpoint-broken")));
            assertThat(chromium.browser
                            .findElement(By.id("checkpoint-problems"))
                            .getText())
                    .contains(PILOT);

            Map<String, Object> second = jdbc.queryForMap(
                    "SELECT eventidentifier, payload FROM domainevententry WHERE aggregateidentifier = ?"
                            + " AND sequencenumber = 2",
                    PILOT);
            byte[] original = (byte[]) second.get("payload");
            assertThat(amendedInHistory())
                    .as("the history as recorded, read before the edit")
                    .isFalse();
            byte[] edited = new String(original, StandardCharsets.UTF_8)
                    .replace("\"amended\":false", "\"amended\":true")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(edited).isNotEqualTo(original);
            jdbc.update(
                    "UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?",
                    edited,
                    second.get("eventidentifier"));
            assertThat(amendedInHistory())
                    .as("the history shows the row as it is now in the store, not as it was decoded before")
                    .isTrue();
            chromium.browser.findElement(By.id("verify")).click();
            chromium.wait.until(d -> d.findElement(By.id("broken")));
            assertThat(chromium.browser
                            .findElement(By.cssSelector("#history tr.broken[data-sequence='2']"))
                            .getAttribute("title"))
                    .as("the edited event is marked on the pilot's chain")
                    .isNotEmpty();
            chromium.screenshot("auditor-console-tampered");
            chromium.assertAccessible("the auditor's console showing a broken chain");
        }
    }

    private static void openTheConsoleOnThePilot(Chromium chromium) {
        chromium.open("/dashboard/audit.html?id=" + PILOT);
        chromium.signIn("auditor");
        chromium.wait.until(d -> d.findElements(By.cssSelector("#history tbody tr[data-sequence]"))
                        .size()
                > 10);
        // As first opened, before any state is shown (seen failing first: aria-label on a plain <pre>).
        chromium.assertAccessible("the auditor's console as first opened");
        assertThat(chromium.browser.findElements(By.cssSelector("#history tbody tr[data-sequence] td:nth-child(3)")))
                .extracting(WebElement::getText)
                .as("every event took place on a day, recorded later with Took-Place-On or not (seen failing first:"
                        + " blank without the header)")
                .allSatisfy(day -> assertThat(day).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}"));
    }

    private static void setValue(Chromium chromium, String id, String value) {
        ((JavascriptExecutor) chromium.browser)
                .executeScript("arguments[0].value = arguments[1]", chromium.browser.findElement(By.id(id)), value);
    }

    private String signedIn;

    /** Opens the command's form on the act page as {@code user} (signing the last user out) and sends it. */
    private void act(Chromium chromium, String user, String command, Map<String, String> fields) {
        actOn(chromium, user, "/dashboard/act.html?command=" + command, command, fields);
    }

    private void actOn(Chromium chromium, String user, String page, String command, Map<String, String> fields) {
        chromium.open(page);
        if (signedIn == null) {
            chromium.wait.until(d -> d.findElement(By.id("sign-in")));
            chromium.assertAccessible("the sign-in form");
        }
        if (!user.equals(signedIn)) {
            if (chromium.browser.findElements(By.id("sign-in")).isEmpty()) {
                chromium.wait.until(d -> d.findElement(By.id("sign-out"))).click();
            }
            chromium.wait.until(d -> d.findElement(By.id("sign-in")));
            chromium.signIn(user);
            signedIn = user;
        }
        if (command.equals("proposePriority")) {
            chromium.wait.until(d -> d.findElement(By.cssSelector("form[data-command='proposePriority']")));
            chromium.assertAccessible("the act page");
        }
        submit(chromium, command, fields);
    }

    /** Fills the open page's form for the command (a rationale too) and sends it; fails with the refusal's text. */
    private static void submit(Chromium chromium, String command, Map<String, String> fields) {
        WebElement form =
                chromium.wait.until(d -> d.findElement(By.cssSelector("form[data-command='" + command + "']")));
        WebElement details = chromium.browser.findElement(By.cssSelector("details[data-command='" + command + "']"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        assertThat(form.findElements(By.tagName("textarea")))
                .extracting(box -> box.getAttribute("name"))
                .as("identifiers and references are one line (seen failing first: optionId, itemId were boxes)")
                .noneMatch(name -> name.matches(".*(Id|Reference)$"));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("rationale", "From the browser");
        all.forEach((field, value) -> {
            WebElement input = form.findElement(By.id("f-" + field.replace('.', '-')));
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(value);
            } else {
                input.sendKeys(value);
            }
        });
        form.findElement(By.cssSelector("button[type='submit']")).click();
        // An accepted command may move the programme to another stage at once, and the page then shows that stage's
        // forms; the page keeps the last outcome above them.
        WebElement outcome = chromium.wait.until(d -> {
            WebElement last = d.findElement(By.id("last-outcome"));
            return command.equals(last.getAttribute("data-command"))
                            && !"pending".equals(last.getAttribute("data-outcome"))
                    ? last
                    : null;
        });
        assertThat(outcome.getAttribute("data-outcome")).as(outcome.getText()).isEqualTo("accepted");
    }

    /** Whether the pilot's event 2, as the auditor's history API shows it, says the plan was amended. */
    private boolean amendedInHistory() {
        for (com.fasterxml.jackson.databind.JsonNode entry : new HttpApi(port)
                .get("auditor", "/api/audit/aggregates/" + PILOT + "/history")
                .body()) {
            if (entry.get("sequenceNumber").asLong() == 2) {
                return entry.get("payload").get("amended").asBoolean();
            }
        }
        throw new AssertionError("no event 2 in the pilot's history");
    }
}
