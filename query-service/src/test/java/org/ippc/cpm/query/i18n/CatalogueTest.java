package org.ippc.cpm.query.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ippc.cpm.domain.commission.Commands;
import org.ippc.cpm.domain.decision.ActionItemStatus;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.programme.ManagementActivity;
import org.ippc.cpm.domain.programme.PartyEngagement;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.shared.ApiName;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.translation.TranslatableText;
import org.ippc.cpm.query.outreach.webhook.CloudEvents;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is complete: every language has every key of English, no value is blank, each is a valid ICU message
 * with the same arguments as the English one; every key the dashboard's pages and scripts name exists, and so does a
 * label for every name of the engine a page can show (commands, events, roles, stages, the values of its enums) and a
 * summary for every command.
 */
class CatalogueTest {

    private static final Path DASHBOARD = Path.of("src/main/resources/static/dashboard");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\w+)");
    private static final Pattern USED = Pattern.compile(
            "(?:\\bt\\('|data-i18n(?:-placeholder|-aria-label)?=\")((?:ui|label|summary)\\.[A-Za-z0-9_.]+[A-Za-z0-9_])['\"]");

    @Test
    void every_language_has_every_key_of_english_with_the_same_arguments_and_valid_icu_syntax() {
        Map<String, String> english = CatalogueFiles.messages(Language.EN);
        assertThat(english).hasSizeGreaterThan(400);
        List<String> faults = new ArrayList<>();
        for (Language language : Language.values()) {
            Map<String, String> messages = CatalogueFiles.messages(language);
            Set<String> missing = new TreeSet<>(english.keySet());
            missing.removeAll(messages.keySet());
            Set<String> extra = new TreeSet<>(messages.keySet());
            extra.removeAll(english.keySet());
            if (!missing.isEmpty()) {
                faults.add(language + " lacks " + missing);
            }
            if (!extra.isEmpty()) {
                faults.add(language + " has keys English lacks: " + extra);
            }
            messages.forEach((key, value) -> {
                if (value.isBlank()) {
                    faults.add(language + " " + key + " is blank");
                    return;
                }
                try {
                    new MessageFormat(value, ULocale.forLocale(language.locale()));
                } catch (IllegalArgumentException invalid) {
                    faults.add(language + " " + key + " is not a valid ICU message: " + invalid.getMessage());
                }
                if (english.containsKey(key) && !arguments(value).equals(arguments(english.get(key)))) {
                    faults.add(language + " " + key + " has arguments " + arguments(value) + ", English "
                            + arguments(english.get(key)));
                }
            });
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void every_key_the_pages_name_and_every_name_they_label_is_in_the_catalogue() throws IOException {
        Map<String, String> english = CatalogueFiles.messages(Language.EN);
        Set<String> wanted = new TreeSet<>();
        try (Stream<Path> files = Files.list(DASHBOARD)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                    .toList()) {
                Matcher used = USED.matcher(Files.readString(file));
                while (used.find()) {
                    wanted.add(used.group(1));
                }
            }
        }
        assertThat(wanted).hasSizeGreaterThan(150);
        for (String code : List.of("ar", "en", "es", "fr", "ru", "zh")) {
            wanted.add("ui.autonym." + code);
        }
        for (String paper : List.of("agenda", "plans", "decisions", "pdf", "docx")) {
            wanted.add("ui.papers." + paper);
        }
        for (String bar : List.of("needed", "pledged", "contributed", "mobilised", "gap")) {
            wanted.add("ui.funding." + bar);
        }
        for (Class<?> command : Commands.ALL) {
            wanted.add("label." + ApiName.of(command));
        }
        for (Class<?> command : Commands.issuedByPeople()) {
            wanted.add("summary." + ApiName.of(command));
        }
        CloudEvents.EVENT_TYPES.forEach(event -> wanted.add("label." + event));
        Stream.of(
                        Role.class,
                        ProgrammeStage.class,
                        ActionItemStatus.class,
                        Body.class,
                        Language.class,
                        Delivery.class,
                        ResourceKind.class,
                        ManagementActivity.class,
                        PartyEngagement.class,
                        TranslatableText.class)
                .flatMap(type -> Arrays.stream(type.getEnumConstants()))
                .forEach(value -> wanted.add("label." + ((Enum<?>) value).name()));
        for (Body body : Body.values()) {
            wanted.add("body." + body.name());
        }
        wanted.removeAll(english.keySet());
        assertThat(wanted)
                .as("keys the dashboard needs and the catalogue lacks")
                .isEmpty();
    }

    @Test
    void the_notices_of_the_e_mails_are_in_the_six_languages_with_the_arguments_of_english() throws IOException {
        Properties english = notices("");
        List<String> faults = new ArrayList<>();
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            Properties notices = notices("_" + language.name().toLowerCase(Locale.ROOT));
            if (!notices.stringPropertyNames().equals(english.stringPropertyNames())) {
                faults.add(language + " has keys " + new TreeSet<>(notices.stringPropertyNames()));
            }
            for (String key : english.stringPropertyNames()) {
                String value = notices.getProperty(key, "");
                if (value.isBlank() || !arguments(value).equals(arguments(english.getProperty(key)))) {
                    faults.add(language + " " + key + ": " + value);
                } else {
                    new java.text.MessageFormat(value, language.locale());
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    private static Properties notices(String suffix) throws IOException {
        Properties notices = new Properties();
        try (var reader = Files.newBufferedReader(
                Path.of("src/main/resources/outreach/notices" + suffix + ".properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            notices.load(reader);
        }
        return notices;
    }

    private static Set<String> arguments(String message) {
        Set<String> names = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(message);
        while (argument.find()) {
            names.add(argument.group(1));
        }
        return names;
    }
}
