package io.github.forkscope.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One application server instance of the harness, configured from its own distribution under
 * {@code <reliability.work>/<name>} (its configuration, data and logs), on PostgreSQL, with the
 * HTTP port it answers on: what the scenarios and checks need of it, whichever server it is
 * ({@link WildFly}, a {@link Domain} of GlassFish or Payara). Not thread-safe: the harness starts,
 * deploys and stops it from one thread; {@link #get} and {@link #post} may be called from any.
 */
abstract class Server implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofSeconds(240);

    final String name;
    final int port;
    final Path dir;
    final boolean ticks;

    Server(String name, boolean ticks, int port) {
        this.name = name;
        this.ticks = ticks;
        this.port = port;
        this.dir = Path.of(System.getProperty("reliability.work")).resolve(name);
    }

    /**
     * The error codes that an executor task gets when this server runs it without the context of
     * the request that submitted it, through a defect of its own: none by default.
     */
    Set<String> droppedTaskContexts() {
        return Set.of();
    }

    /** Starts the instance and waits until it reports that it started. */
    abstract void start() throws Exception;

    /** Deploys the WAR under its file name and waits until the server has started it. */
    abstract void deploy(Path war) throws Exception;

    /** Undeploys the WAR of that file name and waits until it is gone. */
    abstract void undeploy(String file) throws Exception;

    /** The file the server logs to. */
    abstract Path serverLog();

    /** Connections of the datasource's pool in use, where the application cannot read them itself; else {@code null}. */
    abstract Long connectionsInUse() throws IOException, InterruptedException;

    /** Stops the server and waits for its JVM to end; does nothing if it is not running. */
    @Override
    public abstract void close() throws Exception;

    /** The counters of the checks resource of deployment {@code app}, by name, with the pool's {@code InUseCount}. */
    final Map<String, Long> counters(String app) throws IOException, InterruptedException {
        Map<String, Long> counters = new HashMap<>();
        for (String line : get(app, "checks?app=" + app).split("\n")) {
            String[] words = line.split(" ");
            counters.put(words[0], Long.parseLong(words[1]));
        }
        if (!counters.containsKey("InUseCount")) {
            Long inUse = connectionsInUse();
            if (inUse == null) {
                throw new IllegalStateException("neither the application nor " + name + " reports the pool's connections in use");
            }
            counters.put("InUseCount", inUse);
        }
        return counters;
    }

    final String get(String app, String path) throws IOException, InterruptedException {
        return send(app, "GET", path);
    }

    final String post(String app, String path) throws IOException, InterruptedException {
        return send(app, "POST", path);
    }

    private String send(String app, String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = Mode.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/" + app + "/api/" + path))
                .timeout(Mode.HUNG).method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " on " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Runs a command line of the server's own tools to its end, its output in {@code log}; fails if it fails. */
    static void run(List<String> command, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!tool.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) || tool.exitValue() != 0) {
            tool.destroyForcibly();
            throw new IllegalStateException(command + " failed, see " + log + ":\n" + Files.readString(log));
        }
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
