package io.github.forkscope.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One domain of a server of the GlassFish line (Payara Server, GlassFish), made with the
 * distribution's own {@code asadmin create-domain} under {@code <reliability.work>/<name>} on a
 * port base of its own, and configured as an operator would: the PostgreSQL driver in the domain's
 * {@code lib}, a connection pool validated on every take (so that it recovers by itself when
 * PostgreSQL comes back) that the platform's default datasource {@code jdbc/__default} points at,
 * monitoring of the pool, one HTTP worker per client, and timers that outlive an outage. Its
 * pool's connections in use are read from the admin port's REST monitoring, which is what
 * {@code asadmin get -m} reads. Not thread-safe: the harness starts, deploys and stops it from one
 * thread.
 */
abstract class Domain extends Server {

    private static final String POOL = "ReliabilityPool";
    /** Redeliveries of a failed timer callback, 5 s apart: a one-second timer outlives an outage of minutes. */
    private static final int TIMER_REDELIVERIES = 100;
    private static final Pattern ACQUIRED = counter("numconnacquired");
    private static final Pattern RELEASED = counter("numconnreleased");

    private final Path home;
    private final int base;
    private final int adminPort;
    private boolean running;

    /** A domain of the distribution in {@code home} on port base {@code base}: HTTP on base + 80, admin on base + 48. */
    Domain(Path home, String name, boolean ticks, int base) {
        super(name, ticks, base + 80);
        this.home = home;
        this.base = base;
        this.adminPort = base + 48;
    }

    /** Makes and configures the domain, then stops it: configured, not started. */
    final Domain configure(Database database) throws Exception {
        delete(dir);
        Files.createDirectories(dir.getParent());
        local("create-domain.log", "create-domain", "--nopassword=true", "--portbase=" + base,
                "--domaindir=" + dir.getParent(), name);
        Files.copy(Path.of(System.getProperty("reliability.driver")), dir.resolve("lib/postgresql.jar"));
        // JVM options are read at start: written before the first one
        Path config = dir.resolve("config/domain.xml");
        String heap = "<jvm-options>-Xmx512m</jvm-options>";
        String xml = Files.readString(config);
        if (!xml.contains(heap)) {
            throw new IllegalStateException("no " + heap + " in " + config + " to replace");
        }
        Files.writeString(config, xml.replace(heap,
                "<jvm-options>-Xmx1g</jvm-options><jvm-options>-Dreliability.ticks=" + ticks + "</jvm-options>"));
        // the resources are made through the running domain's admin port, then it stops: configured, not started
        start();
        URI postgres = URI.create(database.postgres.jdbcUrl().substring("jdbc:".length()));
        remote("configure.log", "multimode", "--file=" + commands(List.of(
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource"
                        + " --maxpoolsize=30 --maxwait=5000 --isconnectvalidatereq=true --validationmethod=custom-validation"
                        + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection=true"
                        + " --property=serverName=" + postgres.getHost() + ":portNumber=" + postgres.getPort()
                        + ":databaseName=" + postgres.getPath().substring(1) + ":user=" + Database.NAME + ":password=" + Database.NAME + " " + POOL,
                "set resources.jdbc-resource.jdbc/__default.pool-name=" + POOL,
                "set configs.config.server-config.monitoring-service.module-monitoring-levels.jdbc-connection-pool=HIGH",
                // a timer whose callback failed once and once more on its redelivery stops for good by default
                "set configs.config.server-config.ejb-container.ejb-timer-service.max-redeliveries=" + TIMER_REDELIVERIES,
                "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=" + Mode.CLIENTS)));
        // multimode ends well even when one of its commands failed
        Path log = dir.getParent().resolve(name + "-configure.log");
        if (Files.readString(log).contains(" failed.")) {
            throw new IllegalStateException("configuring " + name + " failed, see " + log + ":\n" + Files.readString(log));
        }
        close();
        return this;
    }

    private Path commands(List<String> commands) throws IOException {
        Path file = dir.getParent().resolve(name + "-configure.asadmin");
        Files.writeString(file, String.join("\n", commands) + "\n");
        return file;
    }

    // a command on the domain's files: start, stop, create
    private void local(String log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        run(command, dir.getParent().resolve(name + "-" + log));
    }

    // a command to the running domain's admin port
    private void remote(String log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("--port=" + adminPort));
        command.addAll(List.of(arguments));
        local(log, command.toArray(String[]::new));
    }

    @Override
    void start() throws Exception {
        local("start.log", "start-domain", "--domaindir=" + dir.getParent(), name);
        running = true;
    }

    /**
     * Deploys with {@code asadmin deploy}, which returns once the application has started or failed,
     * then pings the pool: the pool starts, and its monitoring with it, on its first connection.
     */
    @Override
    void deploy(Path war) throws Exception {
        remote("deploy.log", "deploy", "--force=true", war.toString());
        remote("ping.log", "ping-connection-pool", POOL);
    }

    @Override
    void undeploy(String file) throws Exception {
        remote("undeploy.log", "undeploy", file.replaceFirst("\\.war$", ""));
    }

    /**
     * The logical connections the pool handed out and has not had back: {@code NumConnAcquired}
     * minus {@code NumConnReleased}. The pool's own {@code NumConnUsed} is not fit: it goes negative
     * once connections fail validation and are destroyed (it read -6 after the first minute of load
     * and -160 after an outage), a defect Payara inherited from GlassFish.
     */
    @Override
    Long connectionsInUse() throws IOException, InterruptedException {
        HttpResponse<String> response = Mode.HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + adminPort + "/monitoring/domain/server/resources/" + POOL))
                .header("Accept", "application/json").timeout(Mode.HUNG).build(), HttpResponse.BodyHandlers.ofString());
        Matcher acquired = ACQUIRED.matcher(response.body());
        Matcher released = RELEASED.matcher(response.body());
        if (response.statusCode() != 200 || !acquired.find() || !released.find()) {
            throw new IllegalStateException("no NumConnAcquired and NumConnReleased in the monitoring of " + POOL + " on "
                    + name + ": " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(acquired.group(1)) - Long.parseLong(released.group(1));
    }

    private static Pattern counter(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\\{[^}]*\"count\"\\s*:\\s*(\\d+)");
    }

    @Override
    Path serverLog() {
        return dir.resolve("logs/server.log");
    }

    @Override
    public void close() throws Exception {
        if (!running) {
            return;
        }
        local("stop.log", "stop-domain", "--domaindir=" + dir.getParent(), name);
        running = false;
    }
}
