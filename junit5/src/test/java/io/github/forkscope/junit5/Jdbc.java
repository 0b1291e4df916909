package io.github.forkscope.junit5;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads and writes the test databases over plain JDBC, past Forkscope and the providers. */
final class Jdbc {

    private Jdbc() {
    }

    static String url(String unit) {
        return "jdbc:h2:mem:junit-" + unit + ";DB_CLOSE_DELAY=-1";
    }

    static long count(String unit, String where) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(unit), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from Note where " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void update(String unit, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(unit), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
