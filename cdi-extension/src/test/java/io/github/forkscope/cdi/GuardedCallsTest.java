package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 6.1 and 6.2 for every way into a fork: two threads racing into one never both get in, and
 * queries are guarded when they run, not only when they are created. On Hibernate ("main") and
 * EclipseLink ("eclipselink").
 */
class GuardedCallsTest extends WeldTest {

    private static final int TRIES = 1000;

    /**
     * Both threads leave a barrier together and load a book through the same fork. The provider's
     * load callback counts the threads inside the persistence context and holds the first one there
     * until the other was refused or came in too, so every try overlaps.
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void twoThreadsRacingIntoOneForkNeverBothGetInOverAThousandTries(String unit) throws Exception {
        long other = newId();
        jdbcUpdate(unit.equals("main") ? MAIN_URL : ECLIPSELINK_URL,
                "insert into Book (id, title) values (" + other + ", 'Emma')");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger bothInside = new AtomicInteger();
        List<String> unexpected = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Forkscope.call(() -> {
                EntityManager fork = Forkscope.currentEntityManager(unit).orElseThrow();
                for (int i = 0; i < TRIES; i++) {
                    fork.clear();
                    CyclicBarrier start = new CyclicBarrier(2);
                    CountDownLatch refused = new CountDownLatch(1);
                    Book.onLoad = holdFirstInside(inside, bothInside, refused);
                    Future<String> first = threads.submit(() -> race(fork, SEEDED_BOOK, start, refused));
                    Future<String> second = threads.submit(() -> race(fork, other, start, refused));
                    List<String> outcome = Stream.of(get(first), get(second)).sorted().toList();
                    if (!outcome.equals(List.of("entered", "refused"))) {
                        unexpected.add("try " + i + ": " + outcome);
                    }
                }
                return null;
            });
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, bothInside.get(), "tries in which both threads were inside the provider's persistence context");
        assertEquals(List.of(), unexpected);
    }

    /**
     * A load callback that counts the threads inside the persistence context and holds the first
     * one there until the other was refused or came in too.
     */
    static Runnable holdFirstInside(AtomicInteger inside, AtomicInteger bothInside, CountDownLatch refused) {
        return () -> {
            if (inside.incrementAndGet() > 1) {
                bothInside.incrementAndGet();
            }
            awaitUntil(() -> refused.getCount() == 0 || inside.get() > 1);
            inside.decrementAndGet();
        };
    }

    /** Leaves the barrier with the other thread and loads a book through the fork: entered, refused, or what else happened. */
    static String race(EntityManager fork, long id, CyclicBarrier start, CountDownLatch refused) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        try {
            fork.find(Book.class, id);
            return "entered";
        } catch (ConcurrentForkUseException e) {
            refused.countDown();
            return "refused";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aCallBackIntoTheForkFromItsOwnThreadPasses(String unit) {
        EntityManager em = em(unit);
        AtomicReference<Boolean> managed = new AtomicReference<>();
        Forkscope.run(() -> {
            Book other = em.find(Book.class, SEEDED_BOOK);
            em.clear();
            Book.onLoad = () -> {
                Book.onLoad = () -> { };
                managed.set(em.contains(other));
            };
            em.find(Book.class, SEEDED_BOOK);
        });
        assertEquals(Boolean.FALSE, managed.get(), "the re-entrant call did not run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aQueryRunOnAnotherThreadWhileTheContextsThreadIsInsideIsRefusedNamingTheQueryMethod(String unit) {
        EntityManager em = em(unit);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "query-worker"));
        try {
            Forkscope.run(() -> {
                TypedQuery<Book> query = em.createQuery("select b from Book b", Book.class);
                Book.onLoad = () -> {
                    Book.onLoad = () -> { };
                    try {
                        CompletableFuture.runAsync(query::getResultList, worker).get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        failure.set(e.getCause());
                    } catch (Exception e) {
                        failure.set(e);
                    }
                };
                em.find(Book.class, SEEDED_BOOK);
            });
        } finally {
            worker.shutdownNow();
        }
        ConcurrentForkUseException e = assertInstanceOf(ConcurrentForkUseException.class, failure.get());
        assertTrue(e.getMessage().startsWith("FORKSCOPE-101: TypedQuery.getResultList was called on thread \"query-worker\""),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aQueryKeptPastItsContextFailsWithUseAfterCloseNamingTheQueryMethod(String unit) {
        EntityManager em = em(unit);
        TypedQuery<Book> kept = Forkscope.call(() -> em.createQuery("select b from Book b", Book.class));
        IllegalStateException e = assertThrows(IllegalStateException.class, kept::getResultList);
        assertTrue(e.getMessage().startsWith("FORKSCOPE-102: TypedQuery.getResultList was called on a fork of unit '"
                + unit + "' whose context has ended"), e.getMessage());
        IllegalStateException setter = assertThrows(IllegalStateException.class, () -> kept.setMaxResults(1));
        assertTrue(setter.getMessage().startsWith("FORKSCOPE-102: TypedQuery.setMaxResults"), setter.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aResultStreamReadsInsideItsContextAndFailsAfterIt(String unit) {
        EntityManager em = em(unit);
        List<String> titles = Forkscope.call(() -> {
            try (Stream<Book> books = em.createQuery("select b from Book b", Book.class).setMaxResults(5).getResultStream()) {
                return books.map(Book::getTitle).toList();
            }
        });
        assertEquals(List.of(SEEDED_TITLE), titles);
        Stream<Book> kept = Forkscope.call(() -> em.createQuery("select b from Book b", Book.class).getResultStream());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.findFirst());
            assertTrue(e.getMessage().startsWith("FORKSCOPE-102: TypedQuery.getResultStream was called on a fork"),
                    e.getMessage());
        } finally {
            assertThrows(IllegalStateException.class, kept::close, "closing after the context is refused too");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void queriesReturnTheGuardedQueryFromTheirSettersAndTheProvidersOwnThroughUnwrap(String unit) {
        EntityManager em = em(unit);
        Forkscope.run(() -> {
            TypedQuery<Book> query = em.createQuery("select b from Book b where b.id = :id", Book.class);
            assertTrue(query.setParameter("id", SEEDED_BOOK) == query, "a setter returned the provider's query");
            assertEquals(SEEDED_TITLE, query.getSingleResult().getTitle());
            Class<?> providerType = unit.equals("main") ? org.hibernate.query.Query.class
                    : org.eclipse.persistence.jpa.JpaQuery.class;
            Object own = query.unwrap(providerType);
            assertTrue(own != query, "unwrap returned the guarded query");
        });
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /** Spins until the condition holds; a bound, not a sleep: the condition is normally true within microseconds. */
    static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
