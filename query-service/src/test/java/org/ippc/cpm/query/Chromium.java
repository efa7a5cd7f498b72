package org.ippc.cpm.query;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver, a fresh profile each time; screenshots in target/screenshots. */
final class Chromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver browser;
    final WebDriverWait wait;
    private final int port;

    Chromium(int port) throws IOException {
        this.port = port;
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // The page's console errors are printed when the browser closes, to tell why a wait timed out.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        // Pages re-render on live updates, so an element found a moment ago may be gone: look again.
        wait = (WebDriverWait)
                new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Signs in on the page's own form as a demo user (password = user name). */
    void signIn(String user) {
        signIn(user, user);
    }

    void signIn(String user, String password) {
        WebElement name = wait.until(d -> d.findElement(By.id("user")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> violations = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .toList())
                .toList();
        org.assertj.core.api.Assertions.assertThat(results.getPasses())
                .as("axe-core ran its rules on " + page)
                .hasSizeGreaterThan(10);
        org.assertj.core.api.Assertions.assertThat(violations)
                .as("accessibility of " + page)
                .isEmpty();
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            browser.manage().logs().get("browser").getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    // refused requests (a 401 before sign-in) are the tests' own doing
                    .filter(entry -> !entry.getMessage().contains("Failed to load resource"))
                    .forEach(entry -> System.out.println("Chromium console: " + entry.getMessage()));
        } catch (RuntimeException noLogs) {
            // a browser that already went away has nothing more to say
        }
        browser.quit();
    }
}
