package io.github.forkscope.cdi;

import io.agroal.api.AgroalDataSource;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

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
        assertTrue(message.contains("@Unit(\"reportng\")"), message);
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

    /**
     * Deploys one bean with Forkscope's extension, with {@code META-INF/persistence.xml} served
     * from {@code persistenceXml} (null: the test classpath's own), and returns the error text.
     */
    private static String failedDeployment(String persistenceXml, Class<?> bean) {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(persistenceXml == null ? original
                : new PersistenceXmlOverride(original, persistenceXml));
        try {
            Weld weld = new Weld().disableDiscovery().containerId("deployment-error")
                    .addExtension(new ForkscopeExtension()).addBeanClass(bean);
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
