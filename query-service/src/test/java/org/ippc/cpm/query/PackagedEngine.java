package org.ippc.cpm.query;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged engine as a user starts it: {@code java -jar cpm-engine.jar} in a home directory, output to a log. */
public final class PackagedEngine {

    public static final Path JAR = Path.of(System.getProperty("engine.jar", "target/cpm-engine.jar"));
    private static final Path PROJECT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern README_START = Pattern.compile("install && (java [^\\n`]+)");

    private PackagedEngine() {}

    public static Process start(
            Path home,
            int port,
            Path log,
            List<String> jvmOptions,
            Map<String, String> environment,
            List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        return start(home, port, log, command, environment);
    }

    /** The README's start command word for word, its paths taken from the project rather than the home directory. */
    public static Process startAsTheReadmeSays(Path home, int port, Path log, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>(readmeStartCommand());
        command.addAll(arguments);
        return start(home, port, log, command, Map.of());
    }

    public static List<String> readmeStartCommand() throws IOException {
        Matcher start = README_START.matcher(Files.readString(PROJECT.resolve("README.md")));
        if (!start.find()) {
            throw new IllegalStateException("README.md has no '... install && java ...' start command");
        }
        return Arrays.stream(start.group(1).trim().split(" +"))
                .map(word -> word.replace("query-service/", PROJECT.resolve("query-service") + "/"))
                .toList();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process start(Path home, int port, Path log, List<String> command, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
