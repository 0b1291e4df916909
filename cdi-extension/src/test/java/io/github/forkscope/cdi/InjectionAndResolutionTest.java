package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 1: injection and resolution. */
class InjectionAndResolutionTest extends WeldTest {

    @Test
    void twoFindsInOneContextReturnTheSameInstance() {
        EntityManager em = bean(Library.class).em();
        Forkscope.run(() -> assertSame(em.find(Book.class, SEEDED_BOOK), em.find(Book.class, SEEDED_BOOK)));
    }

    @Test
    void twoContextsNeverShareAnInstance() {
        EntityManager em = bean(Library.class).em();
        Book first = Forkscope.call(() -> em.find(Book.class, SEEDED_BOOK));
        Book second = Forkscope.call(() -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            assertFalse(em.contains(first), "an entity of the first context is managed by the second");
            return book;
        });
        assertNotSame(first, second);
    }

    @Test
    void theBeanWorksInAnApplicationScopedBeanAndResolvesToTheCurrentFork() {
        Library library = bean(Library.class);
        Forkscope.run(() -> {
            EntityManager fork = Forkscope.currentEntityManager().orElseThrow();
            assertSame(fork, library.em().unwrap(EntityManager.class));
            assertSame(fork, library.mainByName().unwrap(EntityManager.class), "@Unit(\"main\") reaches the default unit's fork");
        });
    }

    @Test
    void thirtyTwoConcurrentContextsSeeOnlyTheirOwnEntitiesAndPendingChanges() throws Exception {
        EntityManager em = bean(Library.class).em();
        int threads = 32;
        CyclicBarrier allInside = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Book>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String title = "title of thread " + i;
                long ownId = newId();
                results.add(pool.submit(() -> Forkscope.call(() -> {
                    Book shared = em.find(Book.class, SEEDED_BOOK);
                    shared.setTitle(title);
                    Book own = new Book(ownId, "own " + title);
                    em.persist(own);
                    allInside.await(30, TimeUnit.SECONDS);
                    Book again = em.find(Book.class, SEEDED_BOOK);
                    assertSame(shared, again);
                    assertEquals(title, again.getTitle(), "another context's pending change leaked in");
                    assertSame(own, em.find(Book.class, ownId));
                    allInside.await(30, TimeUnit.SECONDS);
                    return shared;
                })));
            }
            Set<Book> instances = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Book> result : results) {
                instances.add(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(threads, instances.size(), "contexts shared a managed instance");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SEEDED_TITLE, jdbcTitle(SEEDED_BOOK), "a pending change was flushed");
        assertEquals(1, jdbcCount(MAIN_URL, "Book"), "a pending persist was flushed");
    }

    @Test
    void aContextThatNeverTouchesTheEntityManagerCreatesNoneAndTakesNoConnection() {
        Jobs jobs = bean(Jobs.class);
        long sessionsBefore = statistics("main").getSessionOpenCount();
        long acquiredBefore = pool("main").getMetrics().acquireCount();

        Forkscope.run(jobs::touchNothing);
        jobs.countRequestScopedCalls();

        assertEquals(sessionsBefore, statistics("main").getSessionOpenCount(), "an EntityManager was created");
        assertEquals(acquiredBefore, pool("main").getMetrics().acquireCount(), "a connection was taken");

        Forkscope.run(() -> jobs.em().find(Book.class, SEEDED_BOOK));
        assertEquals(sessionsBefore + 1, statistics("main").getSessionOpenCount(), "a context that uses it creates one");
        assertTrue(pool("main").getMetrics().acquireCount() > acquiredBefore);
    }

    @Test
    void theForkIsClosedAfterNormalReturnWithoutFlushingPendingChanges() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        long closed = sessionsClosed("main");
        EntityManager fork = Forkscope.call(() -> {
            em.find(Book.class, SEEDED_BOOK).setTitle("renamed, never flushed");
            em.getTransaction().begin();
            em.persist(new Book(id, "persisted, never committed"));
            return Forkscope.currentEntityManager().orElseThrow();
        });
        assertFalse(fork.isOpen(), "the fork outlived its context");
        assertEquals(closed + 1, sessionsClosed("main"), "Hibernate's session of the fork was not closed");
        assertEquals(SEEDED_TITLE, jdbcTitle(SEEDED_BOOK));
        assertNull(jdbcTitle(id));
    }

    @Test
    void theForkIsClosedAfterAnExceptionWithoutFlushingPendingChanges() throws Exception {
        EntityManager em = bean(Library.class).em();
        EntityManager[] fork = new EntityManager[1];
        long closed = sessionsClosed("main");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Forkscope.run(() -> {
            em.find(Book.class, SEEDED_BOOK).setTitle("renamed, never flushed");
            em.getTransaction().begin();
            fork[0] = Forkscope.currentEntityManager().orElseThrow();
            throw new IllegalStateException("request failed");
        }));
        assertEquals("request failed", thrown.getMessage());
        assertNotNull(fork[0]);
        assertFalse(fork[0].isOpen(), "the fork outlived its failed context");
        assertEquals(closed + 1, sessionsClosed("main"), "Hibernate's session of the failed fork was not closed");
        assertEquals(SEEDED_TITLE, jdbcTitle(SEEDED_BOOK));
    }

    @Test
    void eachPersistenceUnitHasItsOwnForkInAContext() throws Exception {
        Library library = bean(Library.class);
        long id = newId();
        Forkscope.run(() -> {
            EntityManager main = library.em().unwrap(EntityManager.class);
            EntityManager reporting = library.reporting().unwrap(EntityManager.class);
            assertNotSame(main, reporting);
            assertSame(reporting, Forkscope.currentEntityManager("reporting").orElseThrow());
            Forkscope.transactional("reporting", () -> library.reporting().persist(new ReportEntry(id, "sold 3")));
        });
        assertEquals(1, jdbcCount(REPORTING_URL, "ReportEntry where id = " + id));
        long closed = sessionsClosed("reporting");
        EntityManager[] forks = Forkscope.call(() -> new EntityManager[]{
                library.reporting().unwrap(EntityManager.class), library.reporting().unwrap(EntityManager.class)});
        assertSame(forks[0], forks[1]);
        assertFalse(forks[0].isOpen());
        assertEquals(closed + 1, sessionsClosed("reporting"), "Hibernate's session of the reporting fork was not closed");
    }
}
