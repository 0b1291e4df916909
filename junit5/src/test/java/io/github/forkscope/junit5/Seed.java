package io.github.forkscope.junit5;

import java.sql.SQLException;

/** The notes every test starts from, written over plain JDBC. */
final class Seed {

    static final String[] UNITS = {"main", "eclipselink"};

    private Seed() {
    }

    static void notes() throws SQLException {
        for (String unit : UNITS) {
            Jdbc.update(unit, "delete from Note");
            Jdbc.update(unit, "insert into Note (id, text) values (1, 'first')");
        }
    }
}
