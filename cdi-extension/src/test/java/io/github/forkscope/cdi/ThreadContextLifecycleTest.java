package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.spi.ForkscopeRuntime;
import io.github.forkscope.spi.RuntimeRegistry;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.CDI;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thread context provider outside the application's lifetime: servers call it for every task
 * of every executor, their own included, while the application is being deployed (Open Liberty
 * runs Weld's bootstrap on its managed executors) and after it was undeployed (a task queued in a
 * request that starts late). There it must give a context that does nothing, never an exception,
 * and never wait for or ask a container that is not running.
 */
class ThreadContextLifecycleTest {

    private static final ForkscopeThreadContextProvider PROVIDER = new ForkscopeThreadContextProvider();

    /** Runs a task under both snapshots of the provider on a thread of its own, as an executor would, and returns what failed. */
    static List<Throwable> tasksOnAnotherThread() {
        return CompletableFuture.supplyAsync(() -> {
            List<Throwable> failures = new ArrayList<>();
            for (boolean cleared : new boolean[]{false, true}) {
                try {
                    ThreadContextSnapshot snapshot = cleared ? PROVIDER.clearedContext(Map.of()) : PROVIDER.currentContext(Map.of());
                    snapshot.begin().endContext();
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }
            return failures;
        }).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** An extension that runs executor tasks in the middle of the container's bootstrap, before Forkscope's runtime exists. */
    public static class TasksDuringBootstrap implements Extension {

        static final List<Throwable> FAILURES = new ArrayList<>();

        void afterBeanDiscovery(@Observes AfterBeanDiscovery event) {
            FAILURES.addAll(tasksOnAnotherThread());
        }
    }

    @Test
    void tasksBeforeDuringAndAfterTheApplicationGetANoOpContextAndNoException() throws Exception {
        assertEquals(List.of(), tasksOnAnotherThread(), "before any container");

        WeldContainer container = new Weld().addExtension(new TasksDuringBootstrap()).initialize();
        ThreadContextSnapshot capturedInAContext;
        try {
            assertEquals(List.of(), TasksDuringBootstrap.FAILURES, "during the bootstrap");
            ForkscopeRuntime runtime = CDI.current().select(ForkscopeRuntime.class).get();
            // the tasks of the bootstrap opened no context in the application that was starting
            assertEquals(0, Forkscope.metrics().getContextsOpened());
            capturedInAContext = runtime.callRequest(() -> PROVIDER.currentContext(Map.of()));
        } finally {
            container.shutdown();
        }

        assertEquals(List.of(), tasksOnAnotherThread(), "after the shutdown");
        // a task submitted in a request before the shutdown that starts after it
        Throwable late = CompletableFuture.supplyAsync(() -> {
            try {
                capturedInAContext.begin().endContext();
                return null;
            } catch (RuntimeException | Error e) {
                return e;
            }
        }).orTimeout(30, TimeUnit.SECONDS).join();
        assertNull(late, "a task captured in a context of the stopped application");
        assertTrue(RuntimeRegistry.isEmpty(), "a runtime is still registered after the shutdown");
    }
}
