package io.github.forkscope.reliability;

import io.github.forkscope.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL server the instances share (test-support's {@link TestPostgres}), and what the
 * checks read from it with plain JDBC: every row, counted, never sampled. The harness creates the
 * table and the shared rows itself. Thread-safe: each call opens its own connection.
 */
final class Database implements AutoCloseable {

    static final String NAME = "reliability";
    static final int SHARED_ROWS = 100;
    /** The rows of the two-instance scenario: one per client, ids from here. */
    static final long RENAMED_ROWS = 1_000;

    final TestPostgres postgres;

    private Database(TestPostgres postgres) {
        this.postgres = postgres;
    }

    static Database start(int port) throws Exception {
        Database database = new Database(TestPostgres.start(port, NAME, NAME));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id bigint PRIMARY KEY, kind varchar(16) NOT NULL, tag varchar(64), note varchar(128))");
            statement.execute("INSERT INTO item SELECT n, 'seed', 'seed', 'seed' FROM generate_series(1, " + SHARED_ROWS + ") n");
            statement.execute("INSERT INTO item SELECT n, 'renamed', 'seed', 'v0' FROM generate_series("
                    + RENAMED_ROWS + ", " + (RENAMED_ROWS + Mode.CLIENTS - 1) + ") n");
        }
        return database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), NAME, "");
    }

    /** Every row id of the kinds given, with its kind. */
    Map<Long, String> rows(String... kinds) throws SQLException {
        Map<Long, String> rows = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT id, kind FROM item WHERE kind = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", kinds));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getLong(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    /** The shared rows whose note is not the seed's: a refused write's change that was committed. */
    Set<Long> changedSharedRows() throws SQLException {
        Set<Long> changed = new HashSet<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id FROM item WHERE kind = 'seed' AND note <> 'seed'")) {
            while (result.next()) {
                changed.add(result.getLong(1));
            }
        }
        return changed;
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
