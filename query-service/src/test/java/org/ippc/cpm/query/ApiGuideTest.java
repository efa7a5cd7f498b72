package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.command.api.CommandCatalog;
import org.ippc.cpm.command.api.CommandType;
import org.ippc.cpm.domain.seed.SeedStory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/api-guide.md cannot rot: its lifecycle section is the seed story and its epilogue as curl examples (run with
 * -Dguide.write=true to rewrite it), and every curl example of the page runs here exactly as written, top to bottom,
 * against a fresh engine, each answering 2xx (a query with data).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:api-guide;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1",
            "server.shutdown=immediate"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiGuideTest {

    private static final Path GUIDE = Path.of("../docs/api-guide.md");
    private static final Pattern BLOCK =
            Pattern.compile("(<!-- story:start -->\\n)(.*?)(<!-- story:end -->)", Pattern.DOTALL);
    private static final Pattern EXAMPLE = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String ENGINE = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void the_guide_shows_every_command_in_the_order_of_the_lifecycle() throws IOException {
        String guide = Files.readString(GUIDE);
        Matcher block = BLOCK.matcher(guide);
        assertThat(block.find()).as("a generated block in " + GUIDE).isTrue();
        String expected = lifecycle();
        if (Boolean.getBoolean("guide.write")) {
            Files.writeString(GUIDE, guide.substring(0, block.start(2)) + expected + guide.substring(block.end(2)));
            return;
        }
        assertThat(block.group(2))
                .as("docs/api-guide.md is stale: run the test with -Dguide.write=true")
                .isEqualTo(expected);
        CommandCatalog.all().forEach(type -> assertThat(expected).contains("/api/commands/" + type.name() + "\n"));
    }

    @Test
    @Order(2)
    void every_example_of_the_guide_runs_as_written_on_a_fresh_engine() throws Exception {
        Matcher examples = EXAMPLE.matcher(Files.readString(GUIDE));
        HttpApi api = new HttpApi(port);
        int run = 0;
        while (examples.find()) {
            Curl curl = Curl.parse(examples.group(1).replace(ENGINE, "http://localhost:" + port));
            if (curl.streams()) {
                assertThat(firstEvent(curl)).as(curl.url()).startsWith("event:");
            } else {
                HttpApi.Answer answer = api.send(curl.request(), curl.body());
                assertThat(answer.status()).as(curl.url() + " " + answer.raw()).isBetween(200, 299);
                JsonNode body = answer.body();
                if (curl.data() == null) {
                    assertThat(body.has("items") ? body.get("items") : body)
                            .as(curl.url() + " answers with data")
                            .isNotEmpty();
                }
            }
            run++;
        }
        assertThat(run).isGreaterThan(SeedStory.steps().size());
    }

    /**
     * After the guide's story, one refusal and one live stream: every metric and label value the Grafana dashboard in
     * deploy/ queries is in /actuator/prometheus, and docs/operator-guide.md names every cpm_* metric published.
     */
    @Test
    @Order(3)
    void every_metric_and_label_the_grafana_dashboard_queries_is_published_and_documented() throws Exception {
        HttpApi api = new HttpApi(port);
        assertThat(api.post(
                                "cpm",
                                "closeProgramme",
                                "{\"programmeId\":\"surveillance-pilot\",\"sessionId\":\"CPM-11\","
                                        + "\"outcomeStatement\":\"Again\",\"rationale\":\"Twice\"}")
                        .status())
                .isEqualTo(409);
        assertThat(firstEvent(Curl.parse("curl -N -u viewer:viewer http://localhost:" + port + "/api/live/board")))
                .startsWith("event:");
        String scrape = api.get("viewer", "/actuator/prometheus").raw();
        String dashboard = Files.readString(Path.of("../deploy/grafana/cpm-engine.json"));
        Matcher query = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        int checked = 0;
        while (query.find()) {
            String expr = query.group(1).replace("\\\"", "\"");
            Matcher selector = Pattern.compile("\\b((?:cpm|http|jvm)_[a-z_]+)(\\{((?:[^}\"]|\"[^\"]*\")*)})?")
                    .matcher(expr);
            while (selector.find()) {
                String metric = selector.group(1);
                assertThat(scrape).as(expr).containsPattern("(?m)^" + metric + "[{ ]");
                for (String matcher : selector.group(3) == null
                        ? new String[0]
                        : selector.group(3).split(",")) {
                    String label = matcher.split("[!=~]")[0].trim();
                    String value = matcher.substring(matcher.indexOf('"') + 1, matcher.lastIndexOf('"'));
                    boolean anyValue = matcher.contains("~") || matcher.contains("!=");
                    assertThat(scrape)
                            .as(expr)
                            .containsPattern("(?m)^" + metric + "\\{[^}]*" + label + "=\""
                                    + (anyValue ? "[^\"]*" : Pattern.quote(value)) + "\"");
                }
                Matcher by = Pattern.compile("by \\(([a-z_, ]+)\\)").matcher(expr);
                while (by.find()) {
                    for (String label : by.group(1).split(",\\s*")) {
                        if (!List.of("le", "instance", "job").contains(label)) {
                            assertThat(scrape).as(expr).containsPattern("(?m)^" + metric + "\\{[^}]*" + label + "=");
                        }
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(dashboard)
                .as("a starting node's health probes answer 503 by design: not in the 5xx panel")
                .contains("status=~\\\"5..\\\", uri!~\\\"/actuator/.*\\\"");
        String operatorGuide = Files.readString(Path.of("../docs/operator-guide.md"));
        Matcher ours =
                Pattern.compile("(?m)^# TYPE (cpm_[a-z_]+?)(_seconds)?(_max)? ").matcher(scrape);
        while (ours.find()) {
            assertThat(operatorGuide)
                    .as("docs/operator-guide.md names " + ours.group(1))
                    .contains(ours.group(1));
        }
        for (String outcome :
                List.of("accepted", "replayed", "refused", "forbidden", "invalid", "conflict", "failed")) {
            assertThat(operatorGuide).as("the outcome " + outcome).contains("`" + outcome + "`");
        }
    }

    static String lifecycle() throws IOException {
        List<SeedStory.Step> story = SeedStory.steps();
        List<SeedStory.Step> steps = Stream.concat(
                        story.stream(), SeedStory.epilogue().stream().map(SeedStory.Step::of))
                .toList();
        StringBuilder text = new StringBuilder(
                "Steps 1 to " + story.size() + " are the demo data that `--cpm.demo.load=true` loads.\n\n");
        for (int i = 0; i < steps.size(); i++) {
            SeedStory.Step step = steps.get(i);
            CommandType type = CommandCatalog.find(step.command()).orElseThrow();
            text.append("### ")
                    .append(i + 1)
                    .append(". ")
                    .append(step.command())
                    .append("\n\n")
                    .append(type.summary())
                    .append(". Roles: ")
                    .append(String.join(
                            ", ",
                            type.allowedRoles().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList()))
                    .append(".\n\n```bash\ncurl -u ")
                    .append(step.user())
                    .append(':')
                    .append(step.user())
                    .append(" -H 'Content-Type: application/json' -H 'Took-Place-On: ")
                    .append(step.tookPlaceOn())
                    .append("' \\\n     -d '")
                    .append(step.body().replace("'", "'\\''"))
                    .append("' \\\n     ")
                    .append(ENGINE)
                    .append("/api/commands/")
                    .append(step.command())
                    .append("\n```\n\n");
        }
        return text.toString();
    }

    private static String firstEvent(Curl curl) throws Exception {
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(curl.request(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("event:"));
            return String.valueOf(line);
        }
    }

    /** The parts of a curl command line the guide uses: -u, -H, -d, -N, -s and the URL. */
    record Curl(String url, String user, List<String> headers, String data, boolean streams) {

        static Curl parse(String command) {
            List<String> words = words(command.replace("\\\n", " "));
            assertThat(words.get(0)).isEqualTo("curl");
            String url = null;
            String user = null;
            String data = null;
            boolean streams = false;
            List<String> headers = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                switch (words.get(i)) {
                    case "-u" -> user = words.get(++i);
                    case "-H" -> headers.add(words.get(++i));
                    case "-d" -> data = words.get(++i);
                    case "-N" -> streams = true;
                    case "-s" -> {}
                    default -> {
                        assertThat(words.get(i))
                                .as("a curl option the guide test knows")
                                .startsWith("http");
                        url = words.get(i);
                    }
                }
            }
            return new Curl(url, user, headers, data, streams);
        }

        HttpRequest request() {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (user != null) {
                int colon = user.indexOf(':');
                request.header("Authorization", HttpApi.basic(user.substring(0, colon), user.substring(colon + 1)));
            }
            for (String header : headers) {
                int colon = header.indexOf(':');
                request.header(
                        header.substring(0, colon).trim(),
                        header.substring(colon + 1).trim());
            }
            return data == null
                    ? request.GET().build()
                    : request.POST(HttpRequest.BodyPublishers.ofByteArray(body()))
                            .build();
        }

        byte[] body() {
            return data == null ? null : data.getBytes(StandardCharsets.UTF_8);
        }

        /** Shell words: single quotes keep everything, a backslash outside quotes keeps the next character. */
        private static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
                    i = end;
                } else if (c == '\\') {
                    word = (word == null ? new StringBuilder() : word).append(line.charAt(++i));
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = (word == null ? new StringBuilder() : word).append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
