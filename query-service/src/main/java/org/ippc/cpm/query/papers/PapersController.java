package org.ippc.cpm.query.papers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.function.Function;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.query.BadQuery;
import org.ippc.cpm.query.i18n.Languages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A session's papers, made from the record when asked, as PDF or DOCX, in any of the six languages. */
@RestController
@RequestMapping("/api/query/sessions/{sessionId}/papers")
@Tag(name = "Papers", description = "A session's provisional agenda, plan summaries and decisions, from the record")
class PapersController {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final SessionPapers papers;

    PapersController(SessionPapers papers) {
        this.papers = papers;
    }

    @GetMapping(path = "/{paper}.pdf", produces = PDF)
    @Operation(
            summary = "A session's paper as PDF, for publication; it states the record it was made from",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> pdf(
            @PathVariable String sessionId,
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"agenda", "plans", "decisions"})) String paper,
            @RequestParam(required = false)
                    @Parameter(schema = @Schema(allowableValues = {"ar", "en", "es", "fr", "ru", "zh"}))
                    String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return answer(sessionId, paper, language, acceptLanguage, "pdf", PDF, PaperPdf::render);
    }

    @GetMapping(path = "/{paper}.docx", produces = DOCX)
    @Operation(
            summary = "A session's paper as DOCX, for the Secretariat to edit",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> docx(
            @PathVariable String sessionId,
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"agenda", "plans", "decisions"})) String paper,
            @RequestParam(required = false)
                    @Parameter(schema = @Schema(allowableValues = {"ar", "en", "es", "fr", "ru", "zh"}))
                    String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return answer(sessionId, paper, language, acceptLanguage, "docx", DOCX, PaperDocx::render);
    }

    private ResponseEntity<byte[]> answer(
            String sessionId,
            String paper,
            String language,
            String acceptLanguage,
            String extension,
            String mediaType,
            Function<Paper, byte[]> render) {
        PaperKind kind = Arrays.stream(PaperKind.values())
                .filter(candidate -> candidate.slug().equals(paper))
                .findFirst()
                .orElseThrow(() -> new BadQuery("paper must be agenda, plans or decisions, was " + paper));
        Language chosen = language == null
                ? Languages.preferred(acceptLanguage)
                : Languages.named(language)
                        .orElseThrow(
                                () -> new BadQuery("language must be one of ar, en, es, fr, ru, zh, was " + language));
        Paper made = papers.paper(sessionId, kind, chosen);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, mediaType)
                .header(HttpHeaders.CONTENT_LANGUAGE, chosen.name().toLowerCase(java.util.Locale.ROOT))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(made.fileName(extension))
                                .build()
                                .toString())
                .body(render.apply(made));
    }
}
