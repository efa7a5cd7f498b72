package org.ippc.cpm.query.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.number.NumberFormatter;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.projection.rebuild.ReadModelPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The papers of the seed story's CPM-10 and CPM-11, in English, French, Arabic (and Chinese), as PDF and DOCX over
 * real HTTP: their text, extracted with PDFBox and POI, holds what the read models answer (titles, summaries,
 * decisions and requests in the reader's language where a translation is recorded, the original labelled where not,
 * amounts as the language writes them) and the fingerprint of the record an auditor's checkpoint gives.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cpm.demo.load=true",
            "server.shutdown=immediate",
            "spring.datasource.url=jdbc:h2:mem:papers;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1"
        })
class SessionPapersTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelPosition readModels;

    private HttpApi api;

    @BeforeEach
    void projected() {
        api = new HttpApi(port);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM text_translation") == 9 && readModels.lag() == 0);
    }

    @ParameterizedTest
    @CsvSource({"CPM-10,en", "CPM-10,fr", "CPM-10,ar", "CPM-11,en", "CPM-11,fr", "CPM-11,ar", "CPM-11,zh"})
    void the_agenda_holds_the_proposals_presentations_and_items_due_of_the_read_models(String session, String language)
            throws Exception {
        JsonNode agenda =
                api.get("viewer", "/api/query/sessions/" + session + "/agenda").body();
        Translations translations = translations(language);
        for (String kind : List.of("pdf", "docx")) {
            String text = paper(session, "agenda", language, kind);
            assertHolds(kind, text, message(language, "paper.agenda.title"));
            assertHolds(kind, text, message(language, "paper.commission"));
            for (JsonNode programme : concat(agenda.get("proposals"), agenda.get("presentations"))) {
                String id = programme.get("programmeId").asText();
                assertHolds(
                        kind,
                        text,
                        translations.of(
                                "programme:" + id,
                                "PROGRAMME_TITLE",
                                null,
                                programme.get("title").asText()));
                assertHolds(
                        kind,
                        text,
                        message(language, "stage." + programme.get("stage").asText()));
            }
            for (JsonNode item : concat(agenda.get("actionItemsDue"), agenda.get("actionItemsOverdue"))) {
                assertHolds(
                        kind,
                        text,
                        translations.of(
                                "decision:" + item.get("decisionId").asText(),
                                "ACTION_ITEM_REQUEST",
                                item.get("itemId").asText(),
                                item.get("request").asText()));
                assertHolds(
                        kind,
                        text,
                        message(language, "body." + item.get("addressee").asText()));
            }
            assertRecordFingerprint(text);
        }
    }

    @ParameterizedTest
    @CsvSource({"en", "fr", "ar", "zh"})
    void the_plan_summaries_of_cpm_11_hold_the_plan_its_summary_and_its_funding(String language) throws Exception {
        JsonNode programme =
                api.get("viewer", "/api/query/programmes/surveillance-pilot").body();
        JsonNode timeline = api.get("viewer", "/api/query/programmes/surveillance-pilot/timeline")
                .body();
        JsonNode plan = null;
        JsonNode presented = null;
        for (JsonNode entry : timeline) {
            String type = entry.get("eventType").asText();
            if (type.equals("DetailedPlanSubmitted") || type.equals("DetailedPlanRevised")) {
                plan = entry.get("payload");
            } else if (type.equals("PlanPresented")) {
                presented = entry.get("payload");
            }
        }
        Translations translations = translations(language);
        for (String kind : List.of("pdf", "docx")) {
            String text = paper("CPM-11", "plans", language, kind);
            assertHolds(
                    kind,
                    text,
                    translations.of(
                            "programme:surveillance-pilot",
                            "PLAN_SUMMARY",
                            null,
                            presented.get("summary").asText()));
            assertHolds(kind, text, presented.get("fullPlanLocation").asText());
            for (String element : List.of(
                    "situationAnalysis",
                    "highLevelGoal",
                    "objective",
                    "scope",
                    "potentialActivities",
                    "indicatorsOfSuccess")) {
                assertHolds(kind, text, plan.at("/plan/elements/" + element).asText());
            }
            assertHolds(kind, text, plan.at("/plan/risks").asText());
            for (String amount :
                    List.of("fundingNeededUsd", "pledgedUsd", "contributedUsd", "mobilisedUsd", "gapUsd")) {
                String written = money(language, programme.get(amount));
                // PDFBox reads a right-to-left line's numbers and symbols in drawing order: there, the digits
                assertHolds(
                        kind,
                        text,
                        kind.equals("pdf") && language.equals("ar") ? written.replaceAll("[^0-9.,]", "") : written);
            }
            assertRecordFingerprint(text);
        }
    }

    @ParameterizedTest
    @CsvSource({"CPM-11,en", "CPM-11,fr", "CPM-11,ar", "CPM-9,en"})
    void the_decisions_paper_lists_each_decision_with_its_action_items_addressees_and_due_sessions(
            String session, String language) throws Exception {
        JsonNode agenda =
                api.get("viewer", "/api/query/sessions/" + session + "/agenda").body();
        Translations translations = translations(language);
        List<JsonNode> recorded = new ArrayList<>();
        agenda.get("decisions").forEach(entry -> {
            if (entry.get("eventType").asText().equals("DecisionRecorded")) {
                recorded.add(entry);
            }
        });
        assertThat(recorded).isNotEmpty();
        for (String kind : List.of("pdf", "docx")) {
            String text = paper(session, "decisions", language, kind);
            for (JsonNode decision : recorded) {
                String subject = "decision:" + decision.get("aggregateId").asText();
                JsonNode payload = decision.get("payload");
                assertHolds(
                        kind,
                        text,
                        translations.of(
                                subject,
                                "DECISION_TEXT",
                                null,
                                payload.get("text").asText()));
                for (JsonNode item : payload.get("actionItems")) {
                    assertHolds(
                            kind,
                            text,
                            translations.of(
                                    subject,
                                    "ACTION_ITEM_REQUEST",
                                    item.get("itemId").asText(),
                                    item.get("request").asText()));
                    assertHolds(
                            kind,
                            text,
                            message(language, "body." + item.get("addressee").asText()));
                    assertHolds(kind, text, item.get("dueSession").asText());
                }
            }
            assertRecordFingerprint(text);
        }
    }

    @Test
    void a_text_without_a_translation_is_shown_in_its_original_and_labelled() throws Exception {
        String french = paper("CPM-11", "decisions", "fr", "pdf");
        assertHolds("pdf", french, "Rendre compte de la première année du programme pilote sur la surveillance");
        assertHolds("pdf", french, "Review the two regions the pilot starts with *");
        assertHolds("pdf", french, message("fr", "paper.original").replace("{language}", "anglais"));
    }

    @Test
    void the_same_record_gives_the_same_text_and_a_paper_has_no_script() throws Exception {
        String first = paper("CPM-11", "plans", "ar", "pdf");
        String second = paper("CPM-11", "plans", "ar", "pdf");
        assertThat(second).isEqualTo(first);
        byte[] pdf = download("CPM-11", "agenda", "en", "pdf", "application/pdf");
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("/JavaScript").doesNotContain("/JS ").doesNotContain("/OpenAction");
    }

    @Test
    void a_paper_in_arabic_is_laid_out_right_to_left_and_the_language_comes_from_accept_language() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/query/sessions/CPM-11/papers/agenda.docx"))
                                .header("Authorization", HttpApi.basic("viewer", "viewer"))
                                .header("Accept-Language", "ar-EG, fr;q=0.8")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Language")).hasValue("ar");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("CPM-11-agenda-ar.docx"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(answer.body()))) {
            assertThat(document.getParagraphs().get(0).getCTP().getPPr().isSetBidi())
                    .isTrue();
        }
        HttpApi.Answer unknown = api.get("viewer", "/api/query/sessions/CPM-11/papers/minutes.pdf");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api.get("viewer", "/api/query/sessions/CPM-99/papers/agenda.pdf")
                        .status())
                .isEqualTo(404);
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** Every paper ends with the record's size and fingerprint, which an auditor's checkpoint gives too. */
    private void assertRecordFingerprint(String text) throws Exception {
        JsonNode checkpoint = api.get("auditor", "/api/audit/checkpoint").body();
        List<JsonNode> heads = new ArrayList<>();
        checkpoint.get("heads").forEach(heads::add);
        heads.sort(Comparator.comparing(head -> head.get("aggregateId").asText()));
        StringBuilder lines = new StringBuilder();
        heads.forEach(head -> lines.append(head.get("aggregateId").asText())
                .append(' ')
                .append(head.get("sequenceNumber").asLong())
                .append(' ')
                .append(head.get("hash").asText())
                .append('\n'));
        String fingerprint = "sha256:"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
        // the digest alone: a right-to-left line puts "sha256:" where its direction takes it
        assertThat(text).contains("sha256").contains(fingerprint.substring("sha256:".length()));
    }

    private String paper(String session, String paper, String language, String kind) throws Exception {
        byte[] bytes = download(session, paper, language, kind, kind.equals("pdf") ? "application/pdf" : DOCX);
        String text;
        if (kind.equals("pdf")) {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                text = new PDFTextStripper().getText(document);
            }
        } else {
            try (XWPFWordExtractor extractor =
                    new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(bytes)))) {
                text = extractor.getText();
            }
        }
        if (Boolean.getBoolean("papers.write")) {
            Path folder = Path.of("../docs/papers");
            Files.createDirectories(folder);
            Files.write(folder.resolve(session + "-" + paper + "-" + language + "." + kind), bytes);
        }
        return normal(text);
    }

    private byte[] download(String session, String paper, String language, String kind, String mediaType)
            throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/query/sessions/" + session
                                        + "/papers/" + paper + "." + kind + "?language=" + language))
                                .header("Authorization", HttpApi.basic("viewer", "viewer"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode())
                .as(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(mediaType);
        return answer.body();
    }

    /**
     * Text as extracted and as expected, made comparable: Arabic presentation forms to their letters (NFKC), the
     * letters a font draws with one glyph (yeh, Farsi yeh and alef maksura; heh and ae) to one, no tatweel (the
     * stretching a justified line adds), and any run of white space (a line break in a table cell) to one space.
     */
    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\u06CC\u0649]", "\u064A")
                .replace('\u06D5', '\u0647')
                .replace("\u0640", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /**
     * Whether an extracted text holds an expected one: as it is, without white space (a long word broken across
     * lines), or word by word in order with a few words between (a table cell's second line comes after the first
     * lines of the cells beside it).
     */
    private static boolean holds(String text, String expected) {
        String wanted = normal(expected);
        if (text.contains(wanted) || text.replaceAll("\\s", "").contains(wanted.replaceAll("\\s", ""))) {
            return true;
        }
        StringBuilder pattern = new StringBuilder();
        for (String word : wanted.split(" ")) {
            pattern.append(pattern.length() == 0 ? "" : "(?:\\s+\\S+){0,8}?\\s+")
                    .append(java.util.regex.Pattern.quote(word));
        }
        return java.util.regex.Pattern.compile(pattern.toString()).matcher(text).find();
    }

    private static void assertHolds(String kind, String text, String expected) {
        assertThat(holds(text, expected))
                .as(kind + " holds \"" + expected + "\" in:\n" + text)
                .isTrue();
    }

    private static String message(String language, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "i18n/messages",
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(key).replace("''", "'");
    }

    private static String money(String language, JsonNode usd) {
        if (usd == null || usd.isNull()) {
            return message(language, "paper.plans.notStated");
        }
        return NumberFormatter.forSkeleton("currency/USD")
                .locale(Locale.forLanguageTag(language))
                .format(new BigDecimal(usd.asText()))
                .toString();
    }

    private Translations translations(String language) {
        return new Translations(
                language, api.get("viewer", "/api/query/translations").body());
    }

    /** The read model of translations, as a reader of one language sees a text. */
    private record Translations(String language, JsonNode rows) {

        String of(String subject, String text, String itemId, String original) {
            for (JsonNode row : rows) {
                if (row.get("subject").asText().equals(subject)
                        && row.get("text").asText().equals(text)
                        && (itemId == null || itemId.equals(row.path("itemId").asText()))
                        && row.get("language").asText().equalsIgnoreCase(language)) {
                    return row.get("translation").asText();
                }
            }
            return original;
        }
    }

    private static List<JsonNode> concat(JsonNode... arrays) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode array : arrays) {
            array.forEach(all::add);
        }
        return all;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
