package org.ippc.cpm.query.papers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fonts the build puts into the jar (query-service/pom.xml): Noto Sans for Latin and Cyrillic, Noto Sans Arabic,
 * Noto Sans SC for Chinese. Read once; a paper embeds only the glyphs it uses.
 */
enum PaperFonts {
    LATIN("Noto Sans", "NotoSans_400Regular.ttf", "NotoSans_700Bold.ttf"),
    ARABIC("Noto Sans Arabic", "NotoSansArabic_400Regular.ttf", "NotoSansArabic_700Bold.ttf"),
    CHINESE("Noto Sans SC", "NotoSansSC_400Regular.ttf", null);

    /** The CSS font-family list: a glyph missing from one font is taken from the next. */
    static final String FAMILIES = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC'";

    final String family;
    private final String regular;
    private final String bold;
    private volatile byte[] regularBytes;
    private volatile byte[] boldBytes;

    PaperFonts(String family, String regular, String bold) {
        this.family = family;
        this.regular = regular;
        this.bold = bold;
    }

    byte[] regular() {
        if (regularBytes == null) {
            regularBytes = read(regular);
        }
        return regularBytes;
    }

    /** The bold face; Chinese has none of its own and uses the regular one. */
    byte[] bold() {
        if (bold == null) {
            return regular();
        }
        if (boldBytes == null) {
            boldBytes = read(bold);
        }
        return boldBytes;
    }

    static List<PaperFonts> all() {
        return List.of(values());
    }

    private static byte[] read(String file) {
        try (InputStream in = PaperFonts.class.getResourceAsStream("/static/dashboard/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is not in the jar: build with ./mvnw install");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
