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
 * One Payara Server domain, made with the distribution's own {@code asadmin create-domain} under
 * {@code target/reliability-payara/<name>} on a port base of its own, and configured as an operator
 * would: the PostgreSQL driver in the domain's {@code lib}, a connection pool validated on every
 * take (so that it recovers by itself when PostgreSQL comes back) that the platform's default
 * datasource {@code jdbc/__default} points at, monitoring of the pool, one HTTP worker per client.
 * Its pool's connections in use are read from the admin port's REST monitoring, which is what
 * {@code asadmin get -m} reads. Not thread-safe: the harness starts, deploys and stops it from one thread.
 */
final class Payara extends Server {

    static final Path HOME = Path.of(System.getProperty("reliability.payara"));
    private static final String POOL = "ReliabilityPool";
    private static final Pattern ACQUIRED = counter("numconnacquired");
    private static final Pattern RELEASED = counter("numconnreleased");

    private final int adminPort;
    private boolean running;

    private Payara(String name, boolean ticks, int base) {
        super(name, ticks, base + 80);
        this.adminPort = base + 48;
    }

    /** A configured domain on port base {@code base} (HTTP on base + 80, admin on base + 48), not started. */
    static Payara configure(String name, boolean ticks, int base, Database database) throws Exception {
        Payara server = new Payara(name, ticks, base);
        delete(server.dir);
        Files.createDirectories(server.dir.getParent());
        server.local("create-domain.log", "create-domain", "--nopassword=true", "--portbase=" + base,
                "--domaindir=" + server.dir.getParent(), name);
        Files.copy(Path.of(System.getProperty("reliability.driver")), server.dir.resolve("lib/postgresql.jar"));
        // JVM options are read at start: written before the first one
        Path config = server.dir.resolve("config/domain.xml");
        Files.writeString(config, Files.readString(config).replace("<jvm-options>-Xmx512m</jvm-options>",
                "<jvm-options>-Xmx1g</jvm-options><jvm-options>-Dreliability.ticks=" + ticks + "</jvm-options>"));
        // the resources are made through the running domain's admin port, then it stops: configured, not started
        server.start();
        URI postgres = URI.create(database.postgres.jdbcUrl().substring("jdbc:".length()));
        server.remote("configure.log", "multimode", "--file=" + server.commands(List.of(
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource"
                        + " --maxpoolsize=30 --maxwait=5000 --isconnectvalidatereq=true --validationmethod=custom-validation"
                        + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection=true"
                        + " --property=serverName=" + postgres.getHost() + ":portNumber=" + postgres.getPort()
                        + ":databaseName=" + postgres.getPath().substring(1) + ":user=" + Database.NAME + ":password=" + Database.NAME + " " + POOL,
                "set resources.jdbc-resource.jdbc/__default.pool-name=" + POOL,
                "set configs.config.server-config.monitoring-service.module-monitoring-levels.jdbc-connection-pool=HIGH",
                "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=" + Mode.CLIENTS)));
        // multimode ends well even when one of its commands failed
        Path log = server.dir.getParent().resolve(name + "-configure.log");
        if (Files.readString(log).contains(" failed.")) {
            throw new IllegalStateException("configuring " + name + " failed, see " + log + ":\n" + Files.readString(log));
        }
        server.close();
        return server;
    }

    private Path commands(List<String> commands) throws IOException {
        Path file = dir.getParent().resolve(name + "-configure.asadmin");
        Files.writeString(file, String.join("\n", commands) + "\n");
        return file;
    }

    // a command on the domain's files: start, stop, create
    private void local(String log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/asadmin").toString()));
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

    /**
     * Payara Server 6 (6.2025.9, the newest on Maven Central) drops third-party context types from
     * some tasks submitted concurrently to one executor: its {@code ContextSetupProviderImpl} keeps
     * the context providers it looks up on each submission in one field shared by every submitting
     * thread, so one submission can find the map that another has just replaced with an empty one
     * (it then logs "Thread context provider 'Forkscope' is not registered ... and will be
     * ignored!"). Forkscope is not asked for such a task, which runs with no context: its first call
     * gets {@code FORKSCOPE-001}, never another request's fork.
     */
    @Override
    Set<String> droppedTaskContexts() {
        return Set.of("FORKSCOPE-001");
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
