package io.github.forkscope.jta;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.narayana.NarayanaTransactionIntegration;
import io.github.forkscope.Unit;
import io.github.forkscope.testsupport.CdiBoundaries;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Boots, once per test class, what a Jakarta EE server would give the application: Narayana's
 * transaction manager and registry in JNDI, an Agroal pool per JTA unit whose connections are
 * enlisted in the thread's transaction, Narayana's {@code @Transactional} interceptors, and Weld
 * SE with discovery and the shared {@link CdiBoundaries}. Before each test the tables are seeded over plain JDBC; after each, no
 * connection of a JTA pool may be left checked out and no transaction left on the thread.
 */
abstract class JtaTest {

    static final List<String> JTA_UNITS = List.of("hibernate", "eclipselink");
    static final List<String> LOCAL_UNITS = List.of("local-hibernate", "local-eclipselink");
    static final int ITEMS = 5;
    static final String SEED = "seed";
    private static final Map<String, AgroalDataSource> POOLS = new HashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1000);

    static WeldContainer container;

    @BeforeAll
    static void boot() {
        synchronized (POOLS) {
            if (POOLS.isEmpty()) {
                TransactionManager manager = com.arjuna.ats.jta.TransactionManager.transactionManager();
                TransactionSynchronizationRegistry registry = new TransactionSynchronizationRegistryImple();
                TestNaming.bind("java:comp/TransactionSynchronizationRegistry", registry);
                TestNaming.bind("java:comp/UserTransaction", com.arjuna.ats.jta.UserTransaction.userTransaction());
                TestNaming.bind("java:/TransactionManager", manager); // EclipseLink's JBoss platform
                TestNaming.bind("java:jboss/TransactionSynchronizationRegistry", registry);
                for (String unit : JTA_UNITS) {
                    AgroalDataSource pool = pool(url(unit), manager, registry);
                    POOLS.put(unit, pool);
                    TestNaming.bind("java:comp/env/jdbc/" + unit, pool);
                }
            }
        }
        container = new Weld().addBeanClass(CdiBoundaries.class).initialize();
    }

    private static AgroalDataSource pool(String url, TransactionManager manager, TransactionSynchronizationRegistry registry) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(20)
                            .transactionIntegration(new NarayanaTransactionIntegration(manager, registry))
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                    .principal(new NamePrincipal("sa")))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void shutdown() {
        container.shutdown();
    }

    @BeforeEach
    void seed() throws SQLException {
        for (String unit : units()) {
            jdbcUpdate(unit, "delete from Note");
            jdbcUpdate(unit, "delete from Item");
            for (int i = 1; i <= ITEMS; i++) {
                jdbcUpdate(unit, "insert into Item (id, label, version) values (" + i + ", '" + SEED + "', 0)");
            }
        }
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        assertEquals(jakarta.transaction.Status.STATUS_NO_TRANSACTION,
                com.arjuna.ats.jta.TransactionManager.transactionManager().getStatus(), "a transaction was left on the thread");
        for (String unit : JTA_UNITS) {
            assertEquals(0, POOLS.get(unit).getMetrics().activeCount(), "connections of unit " + unit + " still checked out");
        }
    }

    static List<String> units() {
        return List.of("hibernate", "eclipselink", "local-hibernate", "local-eclipselink");
    }

    static String url(String unit) {
        return "jdbc:h2:mem:" + (unit.startsWith("local-") ? unit : "jta-" + unit) + ";DB_CLOSE_DELAY=-1";
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

    static String jdbcString(String unit, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(unit), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long jdbcCount(String unit, String sql) throws SQLException {
        return Long.parseLong(jdbcString(unit, sql));
    }

    static void jdbcUpdate(String unit, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(unit), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
