package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
class WorkbenchBrowserTest {

    private static final String PILOT = "surveillance-pilot";

    @LocalServerPort
    int port;

    @Test
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
            assertThat(refusal).contains("Rule M4").contains("outcomeStatement");
            chromium.screenshot("workbench-refusal");

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
    void an_auditor_sees_the_state_when_cpm_10_closed_and_verifies_the_chains_in_the_console() throws IOException {
        try (Chromium chromium = new Chromium(port)) {
            chromium.open("/dashboard/audit.html?id=" + PILOT);
            chromium.signIn("auditor");
            chromium.wait.until(d -> d.findElements(By.cssSelector("#history tbody tr[data-sequence]"))
                            .size()
                    > 10);
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
            chromium.browser.findElement(By.id("rebuild")).click();
            chromium.wait.until(
                    d -> d.findElement(By.id("rebuild-status")).getText().startsWith("Done"));
            assertThat(chromium.browser.findElement(By.id("dead-letters")).getText())
                    .isEqualTo("None");
            chromium.screenshot("auditor-console");
        }
    }
}
