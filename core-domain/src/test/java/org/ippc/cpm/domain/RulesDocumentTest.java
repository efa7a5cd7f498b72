package org.ippc.cpm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the rules in the repository: a row for every rule of the spec, and every class and test it names
 * exists (a test as {@code Class#method}, found as a method of that name in a test source of any module).
 */
class RulesDocumentTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> SPEC_RULES = List.of(
            "P1",
            "P2",
            "P3",
            "P4",
            "P5",
            "P6",
            "Y1",
            "Y2",
            "Y3",
            "Y4",
            "Y5",
            "Y6",
            "D1",
            "D2",
            "D3",
            "M1",
            "M2",
            "M3",
            "M4",
            "S1",
            "S2",
            "C1",
            "C2",
            "C3",
            "A1",
            "A2",
            "A3",
            // the engine's own rule for its directory of contact points (docs/spec-notes.md)
            "N1",
            // the engine's own rules for translations of the record's texts (docs/spec-notes.md)
            "T1",
            "T2");
    private static final Pattern ROW = Pattern.compile("^\\| ([PYDMSCANT][1-6]) \\|(.*)$", Pattern.MULTILINE);
    private static final Pattern RULE_NAMED = Pattern.compile("[PYDMSCANT][1-6]_");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)(#([A-Za-z0-9_]+))?`");

    @Test
    void every_rule_has_a_row_and_every_class_and_test_named_there_exists() throws IOException {
        String document = Files.readString(ROOT.resolve("docs/rules.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(document);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        assertThat(rows.keySet()).containsExactlyElementsOf(SPEC_RULES);

        List<Path> sources = sources();
        List<String> missing = new ArrayList<>();
        rows.forEach((rule, cells) -> {
            String[] columns = cells.split("\\|");
            Matcher name = NAME.matcher(columns[1] + "|" + columns[2]);
            int tests = 0;
            while (name.find()) {
                String type = name.group(1);
                String method = name.group(3);
                if (method == null) {
                    if (find(sources, "/main/java/", type).isEmpty()) {
                        missing.add(rule + ": class " + type);
                    }
                } else {
                    tests++;
                    boolean found = find(sources, "/test/java/", type).stream()
                            .anyMatch(file -> read(file).contains("void " + method + "("));
                    if (!found || !RULE_NAMED.matcher(method).lookingAt()) {
                        missing.add(
                                rule + ": test " + type + "#" + method + (found ? " (not named after a rule)" : ""));
                    }
                }
            }
            if (tests < 2) {
                missing.add(rule + ": fewer than two tests (one accepting, one refusing)");
            }
        });
        assertThat(missing)
                .as("names in docs/rules.md that the code does not have")
                .isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            return files.filter(p -> p.toString().endsWith(".java")
                            && !p.toString().contains("/target/")
                            && !p.toString().contains("/.git/"))
                    .toList();
        }
    }

    private static List<Path> find(List<Path> sources, String where, String type) {
        return sources.stream()
                .filter(p -> p.toString().contains(where)
                        && p.getFileName().toString().equals(type + ".java"))
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
