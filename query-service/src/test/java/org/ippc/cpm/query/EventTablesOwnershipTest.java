package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ippc.cpm.eventstore.StoredEvents;
import org.junit.jupiter.api.Test;

/**
 * The event store's tables are the event-store module's (ADR 0008): no main source of another module names them, in
 * Java, SQL or anything else; the others read events through {@code StoredEvents}. An arrow test cannot see SQL.
 */
class EventTablesOwnershipTest {

    /** The tables as the event-store module declares them. */
    private static final Pattern EVENT_TABLES =
            Pattern.compile("\\b(" + String.join("|", StoredEvents.TABLES) + ")\\b", Pattern.CASE_INSENSITIVE);

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    @Test
    void no_main_source_outside_the_event_store_module_names_the_event_tables() throws IOException {
        List<Path> modules;
        try (Stream<Path> children = Files.list(ROOT)) {
            modules = children.filter(module -> Files.isDirectory(module.resolve("src/main")))
                    .toList();
        }
        assertThat(modules.stream().map(module -> module.getFileName().toString()))
                .as("the modules are found")
                .contains("event-store", "projections", "query-service", "command-service");
        List<String> naming = modules.stream()
                .filter(module -> !module.getFileName().toString().equals("event-store"))
                .flatMap(module -> files(module.resolve("src/main")))
                .filter(file -> EVENT_TABLES.matcher(read(file)).find())
                .map(file -> ROOT.relativize(file).toString())
                .toList();
        assertThat(naming).isEmpty();
        assertThat(files(ROOT.resolve("event-store/src/main"))
                        .filter(file -> EVENT_TABLES.matcher(read(file)).find()))
                .as("the check would see a name where it is")
                .isNotEmpty();
    }

    private static Stream<Path> files(Path directory) {
        try {
            return Files.walk(directory).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
