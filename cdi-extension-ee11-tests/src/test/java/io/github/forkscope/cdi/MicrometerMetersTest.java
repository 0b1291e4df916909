package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With Micrometer on the classpath (this line's tests; the EE 10 line runs without it), the
 * counters are meters of Micrometer's global registry, tagged with the application's name, that
 * move with what the application does and go when it stops; an application with a
 * {@code MeterRegistry} bean gets them there instead. Read through a registry the test adds to the
 * global one, as a monitoring backend would be.
 */
class MicrometerMetersTest extends WeldTest {

    private final SimpleMeterRegistry backend = new SimpleMeterRegistry();

    @BeforeEach
    void addBackend() {
        Metrics.addRegistry(backend);
    }

    @AfterEach
    void removeBackend() {
        Metrics.removeRegistry(backend);
    }

    private Search meter(String name) {
        return backend.find(name).tag("application", "application");
    }

    @Test
    void theMetersMoveWithContextsForksAndGuardTrips() {
        FunctionCounter opened = meter("forkscope.contexts.opened").functionCounter();
        FunctionCounter forks = meter("forkscope.forks.created").functionCounter();
        FunctionCounter outside = meter("forkscope.guard.trips").tag("code", "FORKSCOPE-001").functionCounter();
        assertNotNull(opened, backend.getMeters().toString());
        double openedBefore = opened.count();
        double forksBefore = forks.count();
        double outsideBefore = outside.count();

        Forkscope.run(() -> em("main").find(Book.class, SEEDED_BOOK));
        assertThrows(GlobalContextException.class, () -> em("main").find(Book.class, SEEDED_BOOK));

        assertEquals(openedBefore + 1, opened.count());
        assertEquals(forksBefore + 1, forks.count());
        assertEquals(outsideBefore + 1, outside.count());
        assertEquals(0, meter("forkscope.contexts.active").gauge().value());
        assertEquals(10, meter("forkscope.guard.trips").functionCounters().size(), "one counter per guard code");
    }

    @Test
    void aSecondApplicationHasItsOwnMetersAndTheyGoWhenItStops() {
        try (WeldContainer other = new Weld().disableDiscovery().containerId("micrometer")
                .addExtension(new ForkscopeExtension()).initialize()) {
            assertNotNull(backend.find("forkscope.forks.created").tag("application", "application-2").functionCounter(),
                    backend.getMeters().toString());
        }
        assertNull(backend.find("forkscope.forks.created").tag("application", "application-2").functionCounter(),
                "the stopped application's meters are still registered");
        assertNotNull(meter("forkscope.forks.created").functionCounter(), "the running application's meters went too");
    }

    @Test
    void anApplicationWithAMeterRegistryBeanGetsItsMetersThereAndNotInTheGlobalRegistry() {
        try (WeldContainer other = new Weld().disableDiscovery().containerId("micrometer-bean")
                .addExtension(new ForkscopeExtension()).addExtension(new ApplicationMeterRegistry()).initialize()) {
            assertNotNull(ApplicationMeterRegistry.REGISTRY.find("forkscope.forks.created").tag("application", "application-2")
                    .functionCounter(), ApplicationMeterRegistry.REGISTRY.getMeters().toString());
            assertNull(backend.find("forkscope.forks.created").tag("application", "application-2").functionCounter(),
                    "the meters went to the global registry as well");
        }
        assertTrue(ApplicationMeterRegistry.REGISTRY.find("forkscope.forks.created").meters().isEmpty(),
                "the stopped application's meters are still in its registry");
    }

    /**
     * The application's own registry, as a server's Micrometer integration would add it: a bean of
     * the one container it is given to, vetoed so that the other tests' container does not find it.
     */
    @Vetoed
    static class ApplicationMeterRegistry implements Extension {
        static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

        void addTheRegistry(@Observes AfterBeanDiscovery discovery) {
            discovery.addBean().types(MeterRegistry.class, Object.class).scope(Dependent.class).createWith(creation -> REGISTRY);
        }
    }
}
