package org.ippc.cpm.query.translation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/query/translations", produces = "application/json")
@Tag(name = "Read models")
class TranslationController {

    private final TranslatedTexts texts;

    TranslationController(TranslatedTexts texts) {
        this.texts = texts;
    }

    @GetMapping
    @Operation(
            summary = "The translations of the record's texts (T1, T2): the latest into each language, and who provided"
                    + " it; a text without one is read in its original")
    List<TranslationRow> translations(
            @Parameter(description = "programme:<id> or decision:<id>; all when absent") @RequestParam(required = false)
                    String subject) {
        return texts.all(subject);
    }
}
