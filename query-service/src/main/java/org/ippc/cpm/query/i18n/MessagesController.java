package org.ippc.cpm.query.i18n;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.query.BadQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue of one language, for the dashboard (and any client): public, as the sign-in page needs it. */
@RestController
@Tag(name = "Languages", description = "The engine's texts in the six languages of the Commission")
class MessagesController {

    /** One language's messages: {@code {name}} arguments; its writing direction. */
    record Messages(
            @Schema(allowableValues = {"ar", "en", "es", "fr", "ru", "zh"})
            String language,

            @Schema(allowableValues = {"ltr", "rtl"}) String direction,
            Map<String, String> messages) {}

    @GetMapping(path = "/api/messages/{language}", produces = "application/json")
    @Operation(summary = "The engine's texts in one of the six languages, by key (no sign-in needed)")
    ResponseEntity<Messages> catalogue(
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"ar", "en", "es", "fr", "ru", "zh"}))
                    String language) {
        Language chosen = Languages.named(language)
                .filter(named -> named.name().equalsIgnoreCase(language))
                .orElseThrow(() -> new BadQuery("language must be one of ar, en, es, fr, ru, zh, was " + language));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new Messages(
                        chosen.name().toLowerCase(Locale.ROOT),
                        chosen == Language.AR ? "rtl" : "ltr",
                        CatalogueFiles.messages(chosen)));
    }
}
