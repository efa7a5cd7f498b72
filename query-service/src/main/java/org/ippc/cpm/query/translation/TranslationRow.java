package org.ippc.cpm.query.translation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.translation.TranslatableText;

/** The latest translation of one text of the record into one language, and who provided it (T1). */
public record TranslationRow(
        String subject,
        @Schema(implementation = TranslatableText.class) String text,
        @Nullable String itemId,
        @Schema(implementation = Language.class) String language,
        @Schema(implementation = Language.class) String original,
        String translation,
        @Schema(implementation = Role.class) String providedByRole,

        @Schema(description = "The party that provided it, or the person for the Secretariat")
        String providedBy,

        Instant recordedAt) {}
