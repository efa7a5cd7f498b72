package org.ippc.cpm.query.papers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.translation.TextSubject;
import org.ippc.cpm.domain.translation.TranslatableText;
import org.ippc.cpm.projection.rebuild.ReadModelPosition;
import org.ippc.cpm.query.audit.Checkpoint;
import org.ippc.cpm.query.audit.Checkpoints;
import org.ippc.cpm.query.board.ActionItemRow;
import org.ippc.cpm.query.board.Agenda;
import org.ippc.cpm.query.board.BoardQueries;
import org.ippc.cpm.query.board.InputRound;
import org.ippc.cpm.query.board.LogEntry;
import org.ippc.cpm.query.board.ProgrammeRow;
import org.ippc.cpm.query.i18n.Catalogue;
import org.ippc.cpm.query.translation.ShownText;
import org.ippc.cpm.query.translation.TranslatedTexts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a session's papers from the read models, in one of the six languages: texts of the record in their
 * translation where there is one, else in their original, labelled. The read models are read between two
 * checkpoints of the record; if an event arrived in between, or the read models had not caught up, it reads again.
 */
@Component
public class SessionPapers {

    private static final ObjectMapper JSON = CpmJson.objectMapper();
    private static final int ATTEMPTS = 50;
    private static final List<String> ELEMENTS = List.of(
            "situationAnalysis", "highLevelGoal", "objective", "scope", "potentialActivities", "indicatorsOfSuccess");

    private final BoardQueries board;
    private final JdbcTemplate jdbc;
    private final TranslatedTexts translations;
    private final Catalogue catalogue;
    private final Checkpoints checkpoints;
    private final ReadModelPosition readModels;

    SessionPapers(
            BoardQueries board,
            JdbcTemplate jdbc,
            TranslatedTexts translations,
            Catalogue catalogue,
            Checkpoints checkpoints,
            ReadModelPosition readModels) {
        this.board = board;
        this.jdbc = jdbc;
        this.translations = translations;
        this.catalogue = catalogue;
        this.checkpoints = checkpoints;
        this.readModels = readModels;
    }

    public Paper paper(String sessionId, PaperKind kind, Language language) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Checkpoint before = checkpoints.take();
            Writer writer = new Writer(language, sessionId);
            List<PaperBlock> blocks = switch (kind) {
                case AGENDA -> writer.agenda();
                case PLANS -> writer.plans();
                case DECISIONS -> writer.decisions();
            };
            Instant lastRecorded = jdbc.queryForObject("SELECT MAX(occurred_at) FROM decision_log", Timestamp.class)
                    .toInstant();
            Checkpoint after = checkpoints.take();
            if (before.events() == after.events() && readModels.lag() == 0) {
                return new Paper(
                        kind,
                        sessionId,
                        language,
                        catalogue.text(language, "paper.commission"),
                        writer.sessionLine(),
                        catalogue.text(language, "paper." + kind.slug() + ".title"),
                        blocks,
                        catalogue.text(
                                language,
                                "paper.provenance",
                                Map.of(
                                        "events", before.events(),
                                        "last",
                                                Catalogue.day(
                                                        language,
                                                        lastRecorded
                                                                .atZone(ZoneOffset.UTC)
                                                                .toLocalDate()),
                                        "fingerprint", RecordFingerprint.of(before))));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new RecordMoving();
    }

    /** One paper's reading of the read models, in one language. */
    private final class Writer {
        private final Language language;
        private final Agenda agenda;
        private final TranslatedTexts.InLanguage texts;
        private final Map<String, String> titles = new HashMap<>();

        Writer(Language language, String sessionId) {
            this.language = language;
            this.agenda = board.agenda(sessionId);
            this.texts = translations.in(language);
            jdbc.query("SELECT programme_id, title FROM programme_board", rs -> {
                titles.put(rs.getString("programme_id"), rs.getString("title"));
            });
        }

        String sessionLine() {
            return text(
                    "paper.session",
                    Map.of(
                            "number", agenda.session().sessionNumber(),
                            "year", String.valueOf(agenda.session().sessionYear()),
                            "session", agenda.session().sessionId()));
        }

        List<PaperBlock> agenda() {
            List<PaperBlock> blocks = new ArrayList<>();
            for (InputRound round : agenda.rounds()) {
                blocks.add(paragraph(text(
                        round.inputClosed() ? "paper.agenda.inputClosed" : "paper.agenda.inputOpen",
                        Map.of(
                                "round", round.roundId(),
                                "deadline",
                                        Catalogue.day(
                                                language,
                                                round.inputDeadline()
                                                        .atZone(ZoneOffset.UTC)
                                                        .toLocalDate())))));
            }
            blocks.add(new PaperBlock.Heading(text("paper.agenda.proposals")));
            programmes(blocks, agenda.proposals());
            blocks.add(new PaperBlock.Heading(text("paper.agenda.presentations")));
            programmes(blocks, agenda.presentations());
            blocks.add(new PaperBlock.Heading(text("paper.agenda.reports")));
            programmes(blocks, agenda.missingReports());
            blocks.add(new PaperBlock.Heading(text("paper.agenda.itemsDue")));
            List<ActionItemRow> items = new ArrayList<>(agenda.actionItemsDue());
            items.addAll(agenda.actionItemsOverdue());
            if (items.isEmpty()) {
                blocks.add(paragraph(text("paper.none")));
            } else {
                List<List<String>> rows = new ArrayList<>();
                List<String> originals = new ArrayList<>();
                for (ActionItemRow item : items) {
                    ShownText request = texts.show(
                            ofDecision(item.decisionId()),
                            TranslatableText.ACTION_ITEM_REQUEST,
                            item.itemId(),
                            item.request());
                    rows.add(List.of(
                            text(
                                            "paper.decisions.decision",
                                            Map.of("number", item.decisionNumber(), "session", item.decisionSession()))
                                    + " (" + item.itemId() + ")",
                            text("body." + item.addressee()),
                            shown(request, originals),
                            text("itemStatus." + item.status())));
                }
                blocks.add(new PaperBlock.Table(
                        List.of(
                                text("paper.column.decision"),
                                text("paper.column.addressee"),
                                text("paper.column.request"),
                                text("paper.column.status")),
                        rows));
                originals.forEach(note -> blocks.add(new PaperBlock.Paragraph(note, true)));
            }
            return blocks;
        }

        private void programmes(List<PaperBlock> blocks, List<ProgrammeRow> programmes) {
            if (programmes.isEmpty()) {
                blocks.add(paragraph(text("paper.none")));
                return;
            }
            List<String> originals = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (ProgrammeRow programme : programmes) {
                rows.add(List.of(
                        shown(title(programme.programmeId(), programme.title()), originals),
                        programme.conventionArticle() == null ? "" : programme.conventionArticle(),
                        text("stage." + programme.stage())));
            }
            blocks.add(new PaperBlock.Table(
                    List.of(text("paper.column.programme"), text("paper.column.article"), text("paper.column.stage")),
                    rows));
            originals.forEach(note -> blocks.add(new PaperBlock.Paragraph(note, true)));
        }

        List<PaperBlock> plans() {
            List<PaperBlock> blocks = new ArrayList<>();
            if (agenda.presentations().isEmpty()) {
                blocks.add(paragraph(text("paper.plans.none")));
            }
            for (ProgrammeRow programme : agenda.presentations()) {
                List<String> originals = new ArrayList<>();
                blocks.add(new PaperBlock.Heading(shown(title(programme.programmeId(), programme.title()), originals)));
                JsonNode presented = latest(programme.programmeId(), "PlanPresented");
                if (presented != null) {
                    ShownText summary = texts.show(
                            ofProgramme(programme.programmeId()),
                            TranslatableText.PLAN_SUMMARY,
                            null,
                            presented.path("summary").asText());
                    blocks.add(paragraph(text("paper.plans.summary", Map.of("summary", shown(summary, originals)))));
                    blocks.add(paragraph(text("paper.plans.fullPlan")));
                    blocks.add(new PaperBlock.Link(
                            presented.path("fullPlanLocation").asText()));
                }
                JsonNode plan = latest(programme.programmeId(), "DetailedPlanSubmitted", "DetailedPlanRevised");
                if (plan != null) {
                    blocks.add(paragraph(text(
                            "paper.plans.version",
                            Map.of("version", plan.path("version").asInt()))));
                    List<List<String>> rows = new ArrayList<>();
                    JsonNode elements = plan.path("plan").path("elements");
                    for (int i = 0; i < ELEMENTS.size(); i++) {
                        rows.add(List.of(
                                text("paper.plans.element." + (char) ('A' + i)),
                                elements.path(ELEMENTS.get(i)).asText("")));
                    }
                    rows.add(List.of(
                            text("paper.plans.element.G"),
                            plan.path("plan").path("risks").asText("")));
                    blocks.add(new PaperBlock.Table(
                            List.of(text("paper.column.element"), text("paper.column.text")), rows));
                    blocks.add(new PaperBlock.Paragraph(
                            text("paper.original", Map.of("language", text("language.EN"))), true));
                }
                blocks.add(new PaperBlock.Table(
                        List.of(text("paper.column.funding"), text("paper.column.amount")),
                        List.of(
                                money("paper.plans.needed", programme.fundingNeededUsd()),
                                money("paper.plans.pledged", programme.pledgedUsd()),
                                money("paper.plans.contributed", programme.contributedUsd()),
                                money("paper.plans.mobilised", programme.mobilisedUsd()),
                                money("paper.plans.gap", programme.gapUsd()))));
                originals.forEach(note -> blocks.add(new PaperBlock.Paragraph(note, true)));
            }
            return blocks;
        }

        List<PaperBlock> decisions() {
            List<PaperBlock> blocks = new ArrayList<>();
            if (agenda.decisions().isEmpty()) {
                blocks.add(paragraph(text("paper.decisions.none")));
            }
            for (LogEntry entry : agenda.decisions()) {
                List<String> originals = new ArrayList<>();
                JsonNode payload = read(entry.payload());
                if (entry.eventType().equals("DecisionRecorded")) {
                    String subject = ofDecision(entry.aggregateId());
                    int number = payload.path("number").asInt();
                    blocks.add(new PaperBlock.Heading(
                            text("paper.decisions.decision", Map.of("number", number, "session", entry.sessionId()))));
                    ShownText decision = texts.show(
                            subject,
                            TranslatableText.DECISION_TEXT,
                            null,
                            payload.path("text").asText());
                    blocks.add(paragraph(shown(decision, originals)));
                    List<List<String>> rows = new ArrayList<>();
                    for (JsonNode item : payload.path("actionItems")) {
                        ShownText request = texts.show(
                                subject,
                                TranslatableText.ACTION_ITEM_REQUEST,
                                item.path("itemId").asText(),
                                item.path("request").asText());
                        rows.add(List.of(
                                item.path("itemId").asText(),
                                text("body." + item.path("addressee").asText()),
                                item.path("dueSession").asText(),
                                shown(request, originals)));
                    }
                    blocks.add(new PaperBlock.Table(
                            List.of(
                                    text("paper.column.item"),
                                    text("paper.column.addressee"),
                                    text("paper.column.dueSession"),
                                    text("paper.column.request")),
                            rows));
                } else {
                    String title = entry.programmeId() == null
                            ? ""
                            : shown(
                                    title(entry.programmeId(), titles.getOrDefault(entry.programmeId(), "")),
                                    originals);
                    blocks.add(paragraph(text(
                            "paper.decisions.event." + entry.eventType(),
                            Map.of("programme", title, "day", Catalogue.day(language, entry.tookPlaceOn())))));
                }
                originals.forEach(note -> blocks.add(new PaperBlock.Paragraph(note, true)));
            }
            return blocks;
        }

        private List<String> money(String key, BigDecimal usd) {
            return List.of(text(key), usd == null ? text("paper.plans.notStated") : Catalogue.money(language, usd));
        }

        private ShownText title(String programmeId, String original) {
            return texts.show(ofProgramme(programmeId), TranslatableText.PROGRAMME_TITLE, null, original);
        }

        /** The text; one shown in its original gets a note in the reader's language (once per paper part). */
        private String shown(ShownText shown, List<String> notes) {
            if (shown.original()) {
                String note = text("paper.original", Map.of("language", text("language." + shown.language())));
                if (!notes.contains(note)) {
                    notes.add(note);
                }
                return shown.text() + " *";
            }
            return shown.text();
        }

        /** The payload of the programme's latest event of one of these types, or null. */
        private JsonNode latest(String programmeId, String... eventTypes) {
            String types = String.join(", ", Collections.nCopies(eventTypes.length, "?"));
            Object[] arguments = new Object[eventTypes.length + 1];
            arguments[0] = programmeId;
            System.arraycopy(eventTypes, 0, arguments, 1, eventTypes.length);
            return jdbc
                    .query(
                            "SELECT payload FROM decision_log WHERE aggregate_id = ? AND event_type IN (" + types
                                    + ") ORDER BY global_index DESC",
                            (rs, i) -> read(rs.getString(1)),
                            arguments)
                    .stream()
                    .findFirst()
                    .orElse(null);
        }

        private String text(String key) {
            return catalogue.text(language, key);
        }

        private String text(String key, Map<String, Object> arguments) {
            return catalogue.text(language, key, arguments);
        }

        private PaperBlock paragraph(String text) {
            return new PaperBlock.Paragraph(text, false);
        }
    }

    private static String ofProgramme(String programmeId) {
        return TextSubject.of(new ProgrammeId(programmeId)).value();
    }

    private static String ofDecision(String decisionId) {
        return TextSubject.of(new DecisionId(decisionId)).value();
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }
}
