package io.github.forkscope.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One WildFly instance, as the example's scripts run them: a copy of the distribution's
 * {@code standalone/} directory under {@code target/reliability/<name>} (its configuration, data
 * and logs), configured offline with the management CLI (the PostgreSQL driver as a module, a
 * datasource with statistics on, the default datasource binding pointed at it), started with a
 * port offset, its output in {@code console.log} beside {@code log/server.log}. Not thread-safe:
 * the harness starts, deploys and stops it from one thread.
 */
final class WildFly extends Server {

    static final Path HOME = Path.of(System.getProperty("reliability.wildfly"));

    private Process process;

    private WildFly(String name, boolean ticks, int offset) {
        super(name, ticks, 8080 + offset);
    }

    /** A configured instance on port 8080 + {@code offset}, not started; {@code ticks}: its timer writes. */
    static WildFly configure(String name, boolean ticks, int offset, Database database) throws Exception {
        WildFly server = new WildFly(name, ticks, offset);
        installDriver();
        delete(server.dir);
        Files.createDirectories(server.dir.getParent());
        copy(HOME.resolve("standalone"), server.dir);
        String url = database.postgres.jdbcUrl();
        server.cli(String.join("\n",
                "embed-server --server-config=standalone-full.xml --std-out=discard",
                "/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql, driver-module-name=org.postgresql,"
                        + " driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)",
                // statistics for the checks; a connection is validated when it is taken from the pool and
                // dropped on a fatal error, so that the pool recovers by itself when PostgreSQL comes back;
                // a request waits at most 5 s for a connection
                "data-source add --name=ReliabilityDS --jndi-name=java:jboss/datasources/ReliabilityDS --driver-name=postgresql"
                        + " --connection-url=" + url + " --user-name=" + Database.NAME + " --statistics-enabled=true"
                        + " --max-pool-size=30 --blocking-timeout-wait-millis=5000 --validate-on-match=true --background-validation=false"
                        + " --valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker"
                        + " --exception-sorter-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLExceptionSorter",
                // a delivery that fails while the database is down is tried again every half second for
                // longer than any outage the harness injects, not ten times at once and then dead-lettered
                "/subsystem=messaging-activemq/server=default/address-setting=#:write-attribute(name=redelivery-delay, value=500)",
                "/subsystem=messaging-activemq/server=default/address-setting=#:write-attribute(name=max-delivery-attempts, value=200)",
                "/subsystem=ee/service=default-bindings:write-attribute(name=datasource, value=java:jboss/datasources/ReliabilityDS)",
                // one worker thread per client: a blocking request does not wait for another's thread
                "/subsystem=io/worker=default:write-attribute(name=task-max-threads, value=" + Mode.CLIENTS + ")",
                "stop-embedded-server"), server.dir.resolve("cli.log"));
        return server;
    }

    // the driver as a server module, installed once into the unpacked distribution
    private static synchronized void installDriver() throws Exception {
        if (Files.exists(HOME.resolve("modules/org/postgresql/main/module.xml"))) {
            return;
        }
        delete(HOME.resolve("modules/org/postgresql"));
        run(List.of(HOME.resolve("bin/jboss-cli.sh").toString(), "module add --name=org.postgresql --resources="
                + System.getProperty("reliability.driver") + " --dependencies=jakarta.transaction.api"),
                Path.of(System.getProperty("reliability.work")).resolve("module-add.log"));
    }

    private void cli(String commands, Path log) throws Exception {
        Path file = dir.resolve("configure.cli");
        Files.writeString(file, commands + "\n");
        run(List.of(HOME.resolve("bin/jboss-cli.sh").toString(), "-Djboss.server.base.dir=" + dir, "--file=" + file), log);
    }

    @Override
    void start() throws Exception {
        Path console = dir.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + dir, "-Djboss.socket.binding.port-offset=" + (port - 8080),
                "-Djboss.node.name=" + name, "-Djboss.tx.node.id=" + name, "-Dreliability.ticks=" + ticks)
                .redirectErrorStream(true).redirectOutput(console.toFile());
        // in the background, standalone.sh hands the signals it gets on to the server's JVM
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"
                + " -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman");
        process = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(console, StandardCharsets.UTF_8);
            if (output.contains("WFLYSRV0025")) {
                return;
            }
            if (output.contains("WFLYSRV0026") || !process.isAlive()) {
                throw new IllegalStateException(name + " did not start cleanly, see " + console);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within " + START_LIMIT + ", see " + console);
    }

    /** Deploys through the deployment scanner and waits for its verdict. */
    @Override
    void deploy(Path war) throws Exception {
        Path deployments = dir.resolve("deployments");
        String file = war.getFileName().toString();
        Files.copy(war, deployments.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(deployments.resolve(file + ".deployed"))) {
                return;
            }
            if (Files.exists(deployments.resolve(file + ".failed"))) {
                throw new IllegalStateException(file + " failed to deploy: " + Files.readString(deployments.resolve(file + ".failed")));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(file + " did not deploy within " + START_LIMIT);
    }

    @Override
    void undeploy(String file) throws Exception {
        Path deployments = dir.resolve("deployments");
        Files.delete(deployments.resolve(file));
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.exists(deployments.resolve(file + ".undeployed"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " was not undeployed within " + START_LIMIT);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    // the application reads the pool's statistics from WildFly's MBean itself
    @Override
    Long connectionsInUse() {
        return null;
    }

    @Override
    Path serverLog() {
        return dir.resolve("log/server.log");
    }

    /** Stops the server as Ctrl-C would. */
    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvms = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().get(60, TimeUnit.SECONDS);
        }
        process = null;
    }

    // a copy of the distribution's standalone directory: the instance's own configuration, data and logs
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
