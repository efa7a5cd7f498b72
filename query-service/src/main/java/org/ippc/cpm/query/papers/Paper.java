package org.ippc.cpm.query.papers;

import java.util.List;
import org.ippc.cpm.domain.shared.Language;

/**
 * One paper of a session in one language, ready to be laid out: its title lines, its blocks and the statement of the
 * record it was made from ({@link RecordFingerprint}).
 */
public record Paper(
        PaperKind kind,
        String sessionId,
        Language language,
        String commission,
        String session,
        String title,
        List<PaperBlock> blocks,
        String provenance) {

    public boolean rightToLeft() {
        return language == Language.AR;
    }

    public String fileName(String extension) {
        return sessionId + "-" + kind.slug() + "-" + language.name().toLowerCase(java.util.Locale.ROOT) + "."
                + extension;
    }
}
