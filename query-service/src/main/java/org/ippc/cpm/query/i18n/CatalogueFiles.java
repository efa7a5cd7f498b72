package org.ippc.cpm.query.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.ippc.cpm.domain.shared.Language;

/**
 * The catalogue's files, one per part and language: {@code i18n/messages} (the engine's texts: papers, bodies,
 * stages) and {@code i18n/dashboard} (the dashboard's); English is the base file of each.
 */
public final class CatalogueFiles {

    public static final List<String> PARTS = List.of("i18n/messages", "i18n/dashboard");

    private CatalogueFiles() {}

    public static String file(String part, Language language) {
        return part + (language == Language.EN ? "" : "_" + language.name().toLowerCase(Locale.ROOT)) + ".properties";
    }

    /** Every message of one language, by key. */
    public static Map<String, String> messages(Language language) {
        Map<String, String> all = new TreeMap<>();
        for (String part : PARTS) {
            Properties properties = new Properties();
            String file = file(part, language);
            try (InputStream in = CatalogueFiles.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("the catalogue has no " + file);
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.forEach((key, value) -> all.put((String) key, (String) value));
        }
        return all;
    }
}
