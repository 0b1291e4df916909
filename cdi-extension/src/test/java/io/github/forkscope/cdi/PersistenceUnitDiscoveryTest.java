package io.github.forkscope.cdi;

import io.agroal.api.AgroalDataSource;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 5.2 and 5.3: units bootstrapped from persistence.xml in Java SE, and deployment errors. */
class PersistenceUnitDiscoveryTest extends WeldTest {

    @Test
    void everyUnitOfPersistenceXmlRunsOnAnAgroalPoolConfiguredByItsProperties() {
        List<String> names = bean(ForkscopeExtension.class).units().all().stream().map(ManagedUnit::name).toList();
        assertEquals(List.of("main", "reporting", "eclipselink"), names);
        AgroalDataSource main = assertInstanceOf(AgroalDataSource.class, unit("main").pool());
        assertEquals(40, main.getConfiguration().connectionPoolConfiguration().maxSize());
        assertEquals(5, pool("reporting").getConfiguration().connectionPoolConfiguration().maxSize());
        assertEquals("main", bean(ForkscopeExtension.class).units().get(null).name(), "forkscope.default picks the default unit");
    }

    @Test
    void aUnitNameThatDoesNotExistFailsTheDeploymentNamingTheUnitsThatDo() {
        String message = failedDeployment(null, UnknownUnitClient.class);
        assertTrue(message.contains("FORKSCOPE-003"), message);
        assertTrue(message.contains("@Unit(\"reportng\") names a persistence unit that does not exist (injection point "
                + "io.github.forkscope.cdi.UnknownUnitClient.reporting)"), message);
        assertTrue(message.contains("[main, reporting, eclipselink]"), message);
    }

    @Test
    void severalUnitsWithoutADefaultFailTheDeploymentWithTheFix() {
        String message = failedDeployment("variants/ambiguous/persistence.xml", DefaultUnitClient.class);
        assertTrue(message.contains("FORKSCOPE-004"), message);
        assertTrue(message.contains("[orders, archive]"), message);
        assertTrue(message.contains("<property name=\"forkscope.default\" value=\"true\"/>"), message);
    }

    @Test
    void aForkscopeDefaultThatIsNotABooleanFailsTheDeploymentEvenWithOneUnit() {
        String message = failedDeployment("variants/bad-default/persistence.xml", DefaultUnitClient.class);
        assertTrue(message.contains("FORKSCOPE-009: configuration key forkscope.default of persistence unit 'orders' "
                + "has the value 'yes'"), message);
        assertTrue(message.contains("true, 1, false or 0"), message);
    }

    @Test
    void anInjectedEntityManagerWithoutAnyUnitFailsTheDeployment() {
        String message = failedDeployment("variants/none", DefaultUnitClient.class);
        assertTrue(message.contains("FORKSCOPE-005"), message);
        assertTrue(message.contains("no persistence unit was found"), message);
    }

    @Test
    void aHandWrittenProducerKeptBesideForkscopeFailsTheDeploymentNamingItAndTheFix() {
        String message = failedDeployment(null, LegacyProducerClient.class);
        assertTrue(message.contains("FORKSCOPE-018: the producer io.github.forkscope.cdi.LegacyProducerClient.create() "
                + "makes a second @Default EntityManager beside Forkscope's contextual EntityManager of unit 'main'"), message);
        assertTrue(message.contains("Delete it"), message);
    }

    @Test
    void aBadSettingFailsTheDeploymentBeforeAnyUnitOrPoolStartsAndRegistersNothing() throws Exception {
        long sessions = h2Sessions(MAIN_URL);
        int mbeans = forkscopeMBeans();
        Settings bad = new Settings(Map.of(io.github.forkscope.ForkscopeConfig.GUARD_THREADS, "maybe")::get);
        String message = failedDeployment(null, DefaultUnitClient.class, bad);
        assertTrue(message.contains("FORKSCOPE-009: configuration key forkscope.guards.threads has the value 'maybe'"),
                message);
        assertEquals(sessions, h2Sessions(MAIN_URL), "connections to the database of unit main left open");
        assertEquals(mbeans, forkscopeMBeans(), "metrics MBeans left registered");
    }

    @Test
    void aUnitThatCannotStartFailsTheDeploymentAndTheUnitsStartedBeforeItAreClosed() throws Exception {
        String leakcheck = "jdbc:h2:mem:leakcheck;DB_CLOSE_DELAY=-1";
        try (Connection keepsTheDatabase = DriverManager.getConnection(leakcheck, "sa", "")) {
            long sessions = h2Sessions(leakcheck);
            String message = failedDeployment("variants/failing-unit/persistence.xml", DefaultUnitClient.class);
            assertTrue(message.contains("FORKSCOPE-007: persistence unit 'broken' could not be started"), message);
            assertEquals(sessions, h2Sessions(leakcheck), "connections of the pool of unit leakcheck left open");
        }
    }

    /** Open sessions of an H2 database, the counting one included: what pools hold, seen from the database. */
    private static long h2Sessions(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from information_schema.sessions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int forkscopeMBeans() throws Exception {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("io.github.forkscope:type=Forkscope,*"), null).size();
    }

    private static String failedDeployment(String persistenceXml, Class<?> bean) {
        return failedDeployment(persistenceXml, bean, null);
    }

    /**
     * Deploys one bean with Forkscope's extension, with {@code META-INF/persistence.xml} served
     * from {@code persistenceXml} (null: the test classpath's own) and the given configuration
     * (null: the environment's), and returns the error text.
     */
    private static String failedDeployment(String persistenceXml, Class<?> bean, Settings settings) {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(persistenceXml == null ? original
                : new PersistenceXmlOverride(original, persistenceXml));
        try {
            Weld weld = new Weld().disableDiscovery().containerId("deployment-error")
                    .addExtension(new ForkscopeExtension(settings)).addBeanClass(bean);
            RuntimeException e = assertThrows(RuntimeException.class, () -> weld.initialize().shutdown());
            return e.getMessage();
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    /** Serves another file, or none, as {@code META-INF/persistence.xml}. */
    private static final class PersistenceXmlOverride extends ClassLoader {
        private final String replacement;

        PersistenceXmlOverride(ClassLoader parent, String replacement) {
            super(parent);
            this.replacement = replacement;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.equals(PersistenceXml.RESOURCE)) {
                return super.getResources(name);
            }
            URL url = getParent().getResource(replacement);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
        }
    }
}
