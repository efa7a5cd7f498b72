import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The build's class-data sharing training run (docs/performance.md, start-up): starts the extracted engine on a fresh
 * embedded database with {@code -XX:ArchiveClassesAtExit}, waits until it is ready, reads a few pages as a user's
 * first minute would, and stops it; the JVM writes the classes it loaded into the archive that the README's start
 * command maps. Run by the build as a single-file program: {@code java TrainingRun.java <jar> <archive> <workdir>}.
 */
public class TrainingRun {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path home = Path.of(args[2]).toAbsolutePath();
        deleteRecursively(home);
        Files.createDirectories(home);
        Files.deleteIfExists(archive);
        int port = freePort();
        Path log = home.resolve("engine.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        Process engine = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitReady(http, port, engine, log);
            for (String page : List.of(
                    "/api/query/programmes", "/api/audit/log", "/dashboard/", "/v3/api-docs", "/actuator/prometheus")) {
                get(http, port, page);
            }
        } finally {
            engine.destroy();
            if (!engine.waitFor(60, TimeUnit.SECONDS)) {
                engine.destroyForcibly();
                throw new IllegalStateException("the training run did not stop on SIGTERM:\n" + Files.readString(log));
            }
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no class-data archive was written:\n" + Files.readString(log));
        }
        System.out.printf("Class-data archive %s (%d MB)%n", archive, Files.size(archive) >> 20);
    }

    private static void awaitReady(HttpClient http, int port, Process engine, Path log) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            if (!engine.isAlive()) {
                throw new IllegalStateException("the training run stopped:\n" + Files.readString(log));
            }
            try {
                if (get(http, port, "/actuator/health/readiness") == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the training run was not ready within 180 s:\n" + Files.readString(log));
    }

    private static int get(HttpClient http, int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
