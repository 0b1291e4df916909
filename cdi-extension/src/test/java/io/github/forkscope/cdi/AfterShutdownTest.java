package io.github.forkscope.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fork the application kept, called once its container can no longer be reached: after an
 * undeploy, or from a thread through which a server cannot find the application's container
 * (GlassFish finds it by the thread's context class loader, which a worker of the common
 * {@code ForkJoinPool} does not have). The call gets Forkscope's own coded error, never the
 * container's.
 */
class AfterShutdownTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aForkKeptPastTheShutdownFailsWithUseAfterCloseOnEveryThread(String unit) {
        WeldContainer container = new Weld().initialize();
        EntityManager kept;
        try {
            kept = CDI.current().select(Jobs.class).get().keepFork(unit);
        } finally {
            container.shutdown();
        }
        assertUseAfterClose(assertThrows(IllegalStateException.class, () -> kept.find(Book.class, WeldTest.SEEDED_BOOK)), unit);
        Throwable inWorker = CompletableFuture.supplyAsync(() -> assertThrows(IllegalStateException.class,
                () -> kept.find(Book.class, WeldTest.SEEDED_BOOK))).orTimeout(30, TimeUnit.SECONDS).join();
        assertUseAfterClose(inWorker, unit);
    }

    private static void assertUseAfterClose(Throwable e, String unit) {
        assertTrue(e.getMessage().startsWith("FORKSCOPE-102: EntityManager.find was called on a fork of unit '" + unit
                + "' whose context has ended"), e.getMessage());
    }
}
