package org.ippc.cpm.query.translation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.translation.TranslatableText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the translations read model (text_translation). */
@Component
public class TranslatedTexts {

    private final JdbcTemplate jdbc;

    public TranslatedTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<TranslationRow> all(String subject) {
        String where = subject == null ? "" : " WHERE subject = ?";
        Object[] arguments = subject == null ? new Object[0] : new Object[] {subject};
        return jdbc.query(
                "SELECT * FROM text_translation" + where + " ORDER BY subject, text_kind, item_id, language",
                TranslatedTexts::row,
                arguments);
    }

    /** Every translation into one language, to look texts up in while a paper is made. */
    public InLanguage in(Language language) {
        Map<String, TranslationRow> byText = jdbc
                .query("SELECT * FROM text_translation WHERE language = ?", TranslatedTexts::row, language.name())
                .stream()
                .collect(Collectors.toMap(row -> key(row.subject(), row.text(), row.itemId()), row -> row));
        return new InLanguage(language, byText);
    }

    private static TranslationRow row(ResultSet rs, int rowNumber) throws SQLException {
        String item = rs.getString("item_id");
        return new TranslationRow(
                rs.getString("subject"),
                rs.getString("text_kind"),
                item.isEmpty() ? null : item,
                rs.getString("language"),
                rs.getString("original_language"),
                rs.getString("translation"),
                rs.getString("provided_by_role"),
                rs.getString("provided_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static String key(String subject, String text, String itemId) {
        return subject + "|" + text + "|" + (itemId == null ? "" : itemId);
    }

    /** The translations into one language; a text without one is shown in its original (English, T1). */
    public record InLanguage(Language language, Map<String, TranslationRow> byText) {

        public ShownText show(String subject, TranslatableText text, String itemId, String original) {
            TranslationRow row = byText.get(key(subject, text.name(), itemId));
            if (row != null) {
                return new ShownText(row.translation(), language, false);
            }
            return new ShownText(original, Language.EN, language != Language.EN);
        }
    }
}
