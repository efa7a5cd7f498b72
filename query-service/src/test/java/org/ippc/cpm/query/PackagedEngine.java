package org.ippc.cpm.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged engine as a user starts it: {@code java -jar cpm-engine.jar} in a home directory, output to a log. */
public final class PackagedEngine {

    public static final Path JAR = Path.of(System.getProperty("engine.jar", "target/cpm-engine.jar"));

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
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
