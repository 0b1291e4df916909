package io.github.forkscope.testsupport;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database a test gets: its user logs in without a password and owns it; closing frees the port. */
class TestPostgresTest {

    @Test
    void theUserOwnsTheDatabaseAndClosingFreesThePort() throws Exception {
        int port = freePort();
        try (TestPostgres postgres = TestPostgres.start(port, "shop", "clerk");
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "clerk", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id int PRIMARY KEY)");
            ResultSet who = statement.executeQuery("SELECT current_user, current_database()");
            assertTrue(who.next());
            assertEquals("clerk", who.getString(1));
            assertEquals("shop", who.getString(2));
        }
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
