package io.github.forkscope.benchmarks;

import io.github.forkscope.Forkscope;
import io.github.forkscope.cdi.ForkscopeThreadContextProvider;
import io.github.forkscope.spi.ForkscopeRuntime;
import io.github.forkscope.spi.RuntimeRegistry;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P2: open and close a context whose code never touches the EntityManager, inside a request (a
 * CREATE context) and on a thread with no request context (Forkscope activates one), and a task
 * that runs on such a thread in a context captured elsewhere, as a managed executor runs it
 * through Forkscope's {@code ThreadContextProvider}. P3: open a
 * context, create its fork by a first call, close it, against the provider's own
 * {@code createEntityManager()} and {@code close()}. The empty runs check at the end that they
 * created no EntityManager.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ContextBenchmark {

    private static final Runnable NOTHING = () -> { };

    @Param({"on", "off"})
    public String guards;

    private WeldContainer container;
    private RequestContextController request;
    private EntityManagerFactory factory;
    private Runnable firstUse;
    private long forksBefore;
    private jakarta.enterprise.inject.Instance<RequestContextController> controllers;
    private ThreadContextSnapshot propagated;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        container = BenchApp.start(guards);
        EntityManager em = container.select(EntityManager.class).get();
        factory = em.getEntityManagerFactory();
        firstUse = () -> em.getFlushMode();
        if (!params.getBenchmark().endsWith("OnAPlainThread")) {
            request = container.select(RequestContextController.class).get();
            request.activate();
        }
        controllers = container.select(RequestContextController.class);
        if (params.getBenchmark().endsWith("propagatedTaskOnAPlainThread")) {
            propagated = captureInAnOpenContext();
        }
        forksBefore = Forkscope.metrics().getForksCreated();
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) {
        long forks = Forkscope.metrics().getForksCreated() - forksBefore;
        if (request != null) {
            request.deactivate();
        }
        container.shutdown();
        if (params.getBenchmark().contains(".empty") && forks != 0) {
            throw new IllegalStateException(params.getBenchmark() + " created " + forks + " EntityManagers");
        }
    }

    @Benchmark
    public void emptyContextInARequest() {
        Forkscope.run(NOTHING);
    }

    @Benchmark
    public void emptyContextOnAPlainThread() {
        Forkscope.run(NOTHING);
    }

    /** The baseline for the plain-thread case: what activating a request context costs Weld alone. */
    @Benchmark
    public void requestContextAloneOnAPlainThread() {
        RequestContextController controller = controllers.get();
        controller.activate();
        controller.deactivate();
        controllers.destroy(controller);
    }

    /** What a managed executor does around each task submitted from inside a context. */
    @Benchmark
    public void propagatedTaskOnAPlainThread() {
        propagated.begin().endContext();
    }

    /** A snapshot of a context that stays open, as an async request's does while its tasks run. */
    private static ThreadContextSnapshot captureInAnOpenContext() {
        ForkscopeRuntime runtime = RuntimeRegistry.current();
        ThreadContextSnapshot[] snapshot = new ThreadContextSnapshot[1];
        runtime.callRequest(() -> snapshot[0] = new ForkscopeThreadContextProvider().currentContext(Map.of()));
        return snapshot[0];
    }

    @Benchmark
    public void contextWithFirstUse() {
        Forkscope.run(firstUse);
    }

    @Benchmark
    public FlushModeType rawCreateAndClose() {
        EntityManager raw = factory.createEntityManager();
        try {
            return raw.getFlushMode();
        } finally {
            raw.close();
        }
    }
}
