package io.github.forkscope.cdi;

import io.agroal.api.AgroalDataSource;
import io.github.forkscope.Unit;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Boots Weld SE with discovery, as an application would, once per test class; seeds the books
 * table before each test and checks after each one that no connection is left checked out.
 */
abstract class WeldTest {

    static final long SEEDED_BOOK = 1L;
    static final String SEEDED_TITLE = "Dune";
    static final String MAIN_URL = "jdbc:h2:mem:main";
    static final String REPORTING_URL = "jdbc:h2:mem:reporting";
    static final String ECLIPSELINK_URL = "jdbc:h2:mem:eclipselink";
    private static final AtomicLong IDS = new AtomicLong(1000);

    static WeldContainer container;

    @BeforeAll
    static void boot() {
        container = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        container.shutdown();
    }

    @BeforeEach
    void seed() throws SQLException {
        for (String url : new String[]{MAIN_URL, ECLIPSELINK_URL}) {
            jdbcUpdate(url, "delete from Book");
            jdbcUpdate(url, "insert into Book (id, title) values (" + SEEDED_BOOK + ", '" + SEEDED_TITLE + "')");
        }
    }

    @AfterEach
    void disarmLoadCallback() {
        Book.onLoad = () -> { };
    }

    @AfterEach
    void noConnectionLeftCheckedOut() {
        assertEquals(0, pool("main").getMetrics().activeCount(), "connections of unit main still checked out");
        assertEquals(0, pool("reporting").getMetrics().activeCount(), "connections of unit reporting still checked out");
        assertEquals(0, pool("eclipselink").getMetrics().activeCount(), "connections of unit eclipselink still checked out");
    }

    static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    /** The contextual EntityManager of a unit, as {@code @Inject @Unit(unit) EntityManager} gives it. */
    static EntityManager em(String unit) {
        return CDI.current().select(EntityManager.class, Unit.Literal.of(unit)).get();
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    static ManagedUnit unit(String name) {
        return bean(ForkscopeExtension.class).units().get(name);
    }

    static AgroalDataSource pool(String name) {
        return (AgroalDataSource) unit(name).pool();
    }

    /** The provider's own count of EntityManagers (sessions) opened, independent of Forkscope. */
    static Statistics statistics(String name) {
        EntityManagerFactory factory = unit(name).factory();
        return factory.unwrap(SessionFactory.class).getStatistics();
    }

    /** How many of its EntityManagers (sessions) the provider itself closed: a close that Forkscope's own flag cannot fake. */
    static long sessionsClosed(String name) {
        return statistics(name).getSessionCloseCount();
    }

    static String jdbcTitle(long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(MAIN_URL, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select title from Book where id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long jdbcCount(String url, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void jdbcUpdate(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
