package io.github.forkscope.benchmarks;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.TimeUnit;

/**
 * P1: {@code find} of an entity that is already in the persistence context, inside a request,
 * through four EntityManagers over the same persistence unit: the fork itself (the floor),
 * Forkscope's contextual EntityManager, a hand-written {@code @RequestScoped} producer behind
 * Weld's client proxy, and Spring's shared EntityManager proxy with an EntityManagerHolder bound
 * to the thread as its open-in-view filter does. Each operation is one {@code find}; an invocation
 * is a request of {@value #FINDS} finds, opened as the servlet filter opens it (ENSURE, joining the
 * active request context) for every variant alike. {@code forkscopeOutsideTheFilter} makes the same
 * calls in a request context that the container activated without Forkscope's filter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FindBenchmark {

    private static final Long ID = 1L;
    static final int FINDS = 100;

    @Param({"on", "off"})
    public String guards;

    private WeldContainer container;
    private RequestContextController request;
    private EntityManager direct;
    private EntityManager forkscope;
    private EntityManager handwritten;
    private EntityManager spring;
    private EntityManager springTarget;
    private EntityManagerFactory factory;

    @Setup(Level.Trial)
    public void start() throws Exception {
        container = BenchApp.start(guards);
        BenchApp.insertBooks("jdbc:h2:mem:bench", 10);
        request = container.select(RequestContextController.class).get();
        request.activate();
        forkscope = container.select(EntityManager.class).get();
        factory = forkscope.getEntityManagerFactory();
        direct = forkscope.unwrap(Session.class);
        handwritten = container.select(EntityManager.class, Handwritten.Literal.INSTANCE).get();
        springTarget = factory.createEntityManager();
        TransactionSynchronizationManager.bindResource(factory, new EntityManagerHolder(springTarget));
        spring = SharedEntityManagerCreator.createSharedEntityManager(factory);
        for (EntityManager em : new EntityManager[]{direct, forkscope, handwritten, spring}) {
            if (em.find(Book.class, ID) == null) {
                throw new IllegalStateException("no book to find through " + em);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        TransactionSynchronizationManager.unbindResource(factory);
        springTarget.close();
        request.deactivate();
        container.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(FINDS)
    public void direct(Blackhole hole) {
        Forkscope.ensureRun(() -> finds(direct, hole));
    }

    @Benchmark
    @OperationsPerInvocation(FINDS)
    public void forkscope(Blackhole hole) {
        Forkscope.ensureRun(() -> finds(forkscope, hole));
    }

    @Benchmark
    @OperationsPerInvocation(FINDS)
    public void forkscopeOutsideTheFilter(Blackhole hole) {
        finds(forkscope, hole);
    }

    @Benchmark
    @OperationsPerInvocation(FINDS)
    public void requestScopedProducer(Blackhole hole) {
        Forkscope.ensureRun(() -> finds(handwritten, hole));
    }

    @Benchmark
    @OperationsPerInvocation(FINDS)
    public void springSharedEntityManager(Blackhole hole) {
        Forkscope.ensureRun(() -> finds(spring, hole));
    }

    private static void finds(EntityManager em, Blackhole hole) {
        for (int i = 0; i < FINDS; i++) {
            hole.consume(em.find(Book.class, ID));
        }
    }
}
