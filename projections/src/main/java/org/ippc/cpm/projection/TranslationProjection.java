package org.ippc.cpm.projection;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ippc.cpm.domain.translation.TextTranslated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The latest translation of each text into each language (T1): a later one replaces it, so a replay changes nothing. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class TranslationProjection {

    private final JdbcTemplate jdbc;

    public TranslationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TextTranslated event, @Timestamp Instant at) {
        String item = event.itemId() == null ? "" : event.itemId();
        Object[] key = {
            event.subject().value(), event.text().name(), item, event.language().name()
        };
        jdbc.update(
                "DELETE FROM text_translation WHERE subject = ? AND text_kind = ? AND item_id = ? AND language = ?",
                key);
        jdbc.update(
                """
                INSERT INTO text_translation (subject, text_kind, item_id, language, original_language, translation,
                    provided_by_role, provided_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                key[0],
                key[1],
                key[2],
                key[3],
                event.original().name(),
                event.translation(),
                event.actor().role().name(),
                event.actor().name(),
                Sql.time(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM text_translation");
    }
}
