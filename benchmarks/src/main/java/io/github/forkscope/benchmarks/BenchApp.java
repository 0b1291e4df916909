package io.github.forkscope.benchmarks;

import io.github.forkscope.ForkscopeConfig;
import io.github.forkscope.cdi.ForkscopeExtension;
import jakarta.enterprise.inject.spi.CDI;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Starts the benchmark application on Weld SE, with the guard rails on or off, and fills the book table. */
final class BenchApp {

    private BenchApp() {
    }

    /** @param guards "on" for the defaults, "off" to switch off every guard that can be */
    static WeldContainer start(String guards) {
        boolean off = guards.equals("off");
        System.setProperty(ForkscopeConfig.GUARD_THREADS, Boolean.toString(!off));
        System.setProperty(ForkscopeConfig.GUARD_FORK_MIXING, Boolean.toString(!off));
        System.setProperty(ForkscopeConfig.GUARD_DISCARDED_CHANGES, Boolean.toString(!off));
        System.setProperty(ForkscopeConfig.MAX_MANAGED_ENTITIES, off ? "0" : "10000");
        return new Weld().disableDiscovery()
                .addExtension(new ForkscopeExtension())
                .addBeanClasses(HandwrittenProducer.class)
                .initialize();
    }

    static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    static void insertBooks(String url, int count) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from Book")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into Book (id, title, price) values (?, ?, ?)")) {
                for (int id = 1; id <= count; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "Book " + id);
                    insert.setInt(3, 100);
                    insert.addBatch();
                    if (id % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }
}
