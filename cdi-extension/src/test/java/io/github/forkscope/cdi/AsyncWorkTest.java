package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import io.github.forkscope.spi.ContextHandle;
import io.github.forkscope.spi.ForkscopeRuntime;
import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Async work: tasks that Jakarta Concurrency runs in a context captured where they were submitted
 * (driven here as a managed executor drives Forkscope's {@code ThreadContextProvider}: capture on
 * the submitting thread, begin and end around the task on a pool thread), closes that wait for the
 * thread inside a fork, the hint of {@code FORKSCOPE-001} on threads a context does not follow, and
 * the warning logged once per call site for errors nobody may see. On Hibernate ("main") and
 * EclipseLink ("eclipselink"); the servers' own executors are covered by the container tests.
 */
class AsyncWorkTest extends WeldTest {

    private static final ForkscopeThreadContextProvider PROVIDER = new ForkscopeThreadContextProvider();
    private static final int TRIES = 1000;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2, task -> new Thread(task, "managed-pool"));
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** What a managed executor does with a task: the snapshot is taken on submit, on the submitting thread. */
    private <T> CompletableFuture<T> submit(Callable<T> task) {
        return submit(PROVIDER.currentContext(Map.of()), task);
    }

    private <T> CompletableFuture<T> submit(ThreadContextSnapshot snapshot, Callable<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            ThreadContextRestorer restorer = snapshot.begin();
            try {
                return task.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            } finally {
                restorer.endContext();
            }
        }, pool);
    }

    /** A task snapshot taken in an async request's context, which stays open as the filter leaves it. */
    private record AsyncRequest(ContextHandle context, ThreadContextSnapshot snapshot) {
    }

    /** Runs the work as the first dispatch of an async request, then takes a snapshot of its context. */
    private static AsyncRequest asyncRequest(Runnable work) {
        ForkscopeRuntime runtime = bean(ForkscopeRuntime.class);
        return runtime.callRequest(() -> {
            work.run();
            return new AsyncRequest(runtime.currentContext().orElseThrow(), PROVIDER.currentContext(Map.of()));
        });
    }

    private static Throwable failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aTaskSubmittedInAContextReachesItsForkOnAPoolThread(String unit) throws Exception {
        EntityManager em = em(unit);
        Forkscope.call(() -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            EntityManager fork = Forkscope.currentEntityManager(unit).orElseThrow();
            List<Object> seen = submit(() -> List.of(Thread.currentThread().getName(), em.find(Book.class, SEEDED_BOOK),
                    Forkscope.currentEntityManager(unit).orElseThrow())).get(30, TimeUnit.SECONDS);
            assertEquals("managed-pool", seen.get(0));
            assertSame(book, seen.get(1), "the task's find returns the instance the request loaded");
            assertSame(fork, seen.get(2));
            assertTrue(em.contains(book), "the request's fork still manages the book after the task");
            return null;
        });
    }

    /**
     * The request's thread and a task in its context leave a barrier together and load through the
     * same fork; the provider's load callback holds the first inside until the other was refused or
     * came in too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aTaskRacingTheRequestThreadIsRefusedAndNeverGetsInBesideItOverAThousandTries(String unit) throws Exception {
        long other = newId();
        jdbcUpdate(unit.equals("main") ? MAIN_URL : ECLIPSELINK_URL, "insert into Book (id, title) values (" + other + ", 'Emma')");
        EntityManager em = em(unit);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger bothInside = new AtomicInteger();
        List<String> unexpected = new ArrayList<>();
        Forkscope.call(() -> {
            Book kept = em.find(Book.class, SEEDED_BOOK);
            for (int i = 0; i < TRIES; i++) {
                em.detach(em.find(Book.class, other));
                CyclicBarrier start = new CyclicBarrier(2);
                CountDownLatch refused = new CountDownLatch(1);
                Book.onLoad = GuardedCallsTest.holdFirstInside(inside, bothInside, refused);
                CompletableFuture<String> task = submit(() -> GuardedCallsTest.race(em, other, start, refused));
                String mine = GuardedCallsTest.race(em, other, start, refused);
                List<String> outcome = java.util.stream.Stream.of(mine, task.get(30, TimeUnit.SECONDS)).sorted().toList();
                if (!outcome.equals(List.of("entered", "refused"))) {
                    unexpected.add("try " + i + ": " + outcome);
                }
            }
            Book.onLoad = () -> { };
            assertSame(kept, em.find(Book.class, SEEDED_BOOK), "the fork's identity map survived the races");
            return null;
        });
        assertEquals(0, bothInside.get(), "tries in which both threads were inside the provider's persistence context");
        assertEquals(List.of(), unexpected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aFireAndForgetTaskThatOutlivesItsRequestGetsUseAfterCloseNamingTheFix(String unit) {
        EntityManager em = em(unit);
        CountDownLatch requestOver = new CountDownLatch(1);
        AtomicReference<ThreadContextSnapshot> notStarted = new AtomicReference<>();
        CompletableFuture<Book> running = Forkscope.call(() -> {
            em.find(Book.class, SEEDED_BOOK);
            notStarted.set(PROVIDER.currentContext(Map.of()));
            return submit(() -> {
                requestOver.await();
                return em.find(Book.class, SEEDED_BOOK);
            });
        });
        requestOver.countDown();
        for (Throwable failure : List.of(failure(running), failure(submit(notStarted.get(), () -> em.find(Book.class, SEEDED_BOOK))))) {
            IllegalStateException e = assertInstanceOf(IllegalStateException.class, failure);
            assertTrue(e.getMessage().startsWith("FORKSCOPE-102: EntityManager.find was called on a fork of unit '" + unit
                    + "' whose context has ended; the context was opened by Forkscope.run/call"), e.getMessage());
            assertTrue(e.getMessage().contains("give such a task a context of its own with @RequestContextual"), e.getMessage());
        }
    }

    /**
     * An async timeout closes the context while a task is in the middle of a load: the provider's
     * EntityManager stays open under the task, which finishes its call without an exception, and is
     * closed as the task leaves; the task's next call gets {@code FORKSCOPE-102}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aCloseWhileATaskIsInsideAForkIsFinishedByTheTaskAsItLeaves(String unit) throws Exception {
        EntityManager em = em(unit);
        AtomicReference<EntityManager> provider = new AtomicReference<>();
        AsyncRequest request = asyncRequest(() ->
                provider.set((EntityManager) Forkscope.currentEntityManager(unit).orElseThrow().getDelegate()));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Book.onLoad = () -> {
            Book.onLoad = () -> { };
            inside.countDown();
            await(release);
        };
        CompletableFuture<String> task = submit(request.snapshot(), () -> {
            String title = em.find(Book.class, SEEDED_BOOK).getTitle();
            try {
                em.find(Book.class, SEEDED_BOOK);
                return title + ", then a second call got in";
            } catch (IllegalStateException e) {
                return title + ", then " + e.getMessage().substring(0, "FORKSCOPE-102".length());
            }
        });
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        request.context().close();
        assertTrue(provider.get().isOpen(), "the provider's EntityManager was closed under the task");
        release.countDown();
        assertEquals(SEEDED_TITLE + ", then FORKSCOPE-102", task.get(30, TimeUnit.SECONDS));
        GuardedCallsTest.awaitUntil(() -> !provider.get().isOpen());
        assertTrue(!provider.get().isOpen(), "the provider's EntityManager is closed once the task left it");
    }

    /** The end of an async cycle while its last continuation still runs: the context ends with that task. */
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void closeAfterTasksWaitsForTheLastTaskRunningInTheContext(String unit) throws Exception {
        EntityManager em = em(unit);
        AtomicReference<Book> loaded = new AtomicReference<>();
        AsyncRequest request = asyncRequest(() -> loaded.set(em.find(Book.class, SEEDED_BOOK)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cycleOver = new CountDownLatch(1);
        AtomicReference<EntityManager> provider = new AtomicReference<>();
        CompletableFuture<Boolean> task = submit(request.snapshot(), () -> {
            provider.set((EntityManager) Forkscope.currentEntityManager(unit).orElseThrow().getDelegate());
            started.countDown();
            cycleOver.await();
            return em.contains(loaded.get());
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        request.context().closeAfterTasks();
        assertTrue(provider.get().isOpen(), "the context ended while a task still ran in it");
        cycleOver.countDown();
        assertTrue(task.get(30, TimeUnit.SECONDS), "the task still saw the request's entity as managed");
        GuardedCallsTest.awaitUntil(() -> !provider.get().isOpen());
        assertTrue(!provider.get().isOpen(), "the context ended with its last task");
    }

    /** An application's own timeout listener that dispatches after the cycle's context was closed. */
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aContextThatEndedOpensNoForkWhenItIsResumed(String unit) {
        EntityManager em = em(unit);
        ForkscopeRuntime runtime = bean(ForkscopeRuntime.class);
        ContextHandle handle = runtime.callRequest(() -> runtime.currentContext().orElseThrow());
        handle.close();
        long opened = Forkscope.metrics().getForksCreated();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> handle.resume(() -> em.find(Book.class, SEEDED_BOOK)));
        assertTrue(e.getMessage().startsWith("FORKSCOPE-102: EntityManager.find was called on a fork of unit '" + unit
                + "' whose context has ended"), e.getMessage());
        assertEquals(opened, Forkscope.metrics().getForksCreated(), "a fork was opened for the ended context");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aClearedContextGivesTheTaskAFreshContextThatEndsWithIt(String unit) throws Exception {
        EntityManager em = em(unit);
        AtomicReference<EntityManager> provider = new AtomicReference<>();
        Forkscope.call(() -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            Book seen = submit(PROVIDER.clearedContext(Map.of()), () -> {
                provider.set((EntityManager) Forkscope.currentEntityManager(unit).orElseThrow().getDelegate());
                return em.find(Book.class, SEEDED_BOOK);
            }).get(30, TimeUnit.SECONDS);
            assertNotSame(book, seen, "the task read through a fork of its own");
            assertTrue(!provider.get().isOpen(), "the task's context ended with the task");
            assertTrue(em.contains(book));
            return null;
        });
    }

    @Test
    void aTaskSubmittedFromNoContextRunsAsItAlwaysDid() {
        EntityManager em = em("main");
        Throwable failure = failure(submit(() -> em.find(Book.class, SEEDED_BOOK)));
        GlobalContextException e = assertInstanceOf(GlobalContextException.class, failure);
        assertTrue(e.getMessage().contains("Fix it in one of these ways:\n  - HTTP requests"), e.getMessage());
    }

    @Test
    void parallelStreamWorkersAreToldThatTheContextDoesNotFollowThemAndWhatToDo() {
        EntityManager em = em("main");
        // the request's thread waits in its first element until a worker took one, so that workers always join in
        CountDownLatch workerJoined = new CountDownLatch(1);
        GlobalContextException e = assertThrows(GlobalContextException.class, () -> Forkscope.run(() ->
                IntStream.range(0, 1000).parallel().forEach(i -> {
                    if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
                        workerJoined.countDown();
                    } else {
                        await(workerJoined);
                    }
                    em.find(Book.class, SEEDED_BOOK);
                })));
        String message = e.getMessage();
        assertTrue(message.contains("This thread is a worker of a ForkJoinPool (a parallel stream"), message);
        assertTrue(message.indexOf("load what the workers need on the context's own thread")
                < message.indexOf("put forkscope-servlet-listener in WEB-INF/lib"), message);
    }

    @Test
    void aThreadStartedInAContextIsToldWhereItCameFrom() throws InterruptedException {
        GlobalContextException e = findOnAThreadStartedInAContext(task -> new Thread(task, "made-by-the-application"));
        assertTrue(e.getMessage().contains("This thread is a thread started by code that ran in the context opened by "
                + "Forkscope.run/call on thread \"main\""), e.getMessage());
    }

    /** A server's pool thread started from a request: contexts follow tasks there, so no hint about where it came from. */
    @Test
    void aManagedThreadStartedInAContextGetsNoHintAboutItsOrigin() throws InterruptedException {
        GlobalContextException e = findOnAThreadStartedInAContext(PoolThread::new);
        assertTrue(e.getMessage().contains("Fix it in one of these ways:"), e.getMessage());
    }

    /** What a find with the injected EntityManager fails with on a thread that code in a context starts. */
    private GlobalContextException findOnAThreadStartedInAContext(Function<Runnable, Thread> threads) throws InterruptedException {
        EntityManager em = em("main");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Forkscope.run(() -> {
            Thread thread = threads.apply(() -> {
                try {
                    em.find(Book.class, SEEDED_BOOK);
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return assertInstanceOf(GlobalContextException.class, failure.get());
    }

    /** What a server's managed thread factory makes. */
    private static final class PoolThread extends Thread implements ManageableThread {
        PoolThread(Runnable task) {
            super(task, "managed-thread");
        }

        @Override
        public boolean isShutdown() {
            return false;
        }
    }

    /** Errors that land in futures nobody reads: one warning for the call site, not one per task. */
    @Test
    void anErrorSwallowedByAHundredTasksIsLoggedOnceForItsCallSite() throws Exception {
        EntityManager em = em("main");
        try (LogCapture log = LogCapture.start()) {
            CountDownLatch done = new CountDownLatch(100);
            for (int i = 0; i < 100; i++) {
                pool.execute(() -> {
                    try {
                        swallowingTask(em);
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertTrue(done.await(30, TimeUnit.SECONDS));
            List<String> warnings = log.warnings("FORKSCOPE-001").stream()
                    .filter(w -> w.contains("AsyncWorkTest.swallowingTask(AsyncWorkTest.java:")).toList();
            assertEquals(1, warnings.size(), String.valueOf(warnings));
            assertTrue(warnings.get(0).contains("logged once for this call site")
                    && warnings.get(0).contains("annotate the entry point with @RequestContextual"), warnings.get(0));
            pool.submit(() -> secondSite(em)).get(30, TimeUnit.SECONDS);
            assertEquals(1, log.warnings("FORKSCOPE-001").stream().filter(w -> w.contains("AsyncWorkTest.secondSite(")).count());
        }
    }

    private static void swallowingTask(EntityManager em) {
        try {
            em.find(Book.class, SEEDED_BOOK);
        } catch (GlobalContextException swallowed) {
            // what an executor does with a task's exception when nobody reads its future
        }
    }

    private static void secondSite(EntityManager em) {
        try {
            em.find(Book.class, SEEDED_BOOK);
        } catch (GlobalContextException swallowed) {
            // a second call site gets a warning of its own
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
