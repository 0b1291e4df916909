package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Timeout;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaSelect;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 5.4: the methods Jakarta Persistence 3.2 added to {@code EntityManager} reach the current
 * fork through the guard rails, on Hibernate 7: each fails with {@code FORKSCOPE-001} outside a
 * context, {@code FORKSCOPE-101} while another thread is inside the fork and {@code FORKSCOPE-102}
 * once its context has ended; and each method group does, inside a context, what the provider's
 * own method does on the context's persistence context.
 */
class Persistence32MethodsTest extends WeldTest {

    /**
     * One call of a 3.2 method; {@code outside} is the method named by the failure outside a
     * context, which for a query is its execution, since a query may be created there to write.
     */
    record Call(String label, String method, String outside, Consumer<EntityManager> call) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Call> calls() {
        Book detached = new Book(SEEDED_BOOK, SEEDED_TITLE);
        return List.of(
                new Call("find(Class, Object, FindOption...)", "EntityManager.find", "EntityManager.find",
                        em -> em.find(Book.class, SEEDED_BOOK, CacheRetrieveMode.BYPASS)),
                new Call("find(EntityGraph, Object, FindOption...)", "EntityManager.find", "EntityManager.find",
                        em -> em.find(graph(), SEEDED_BOOK)),
                new Call("getReference(T)", "EntityManager.getReference", "EntityManager.getReference",
                        em -> em.getReference(detached)),
                new Call("lock(Object, LockModeType, LockOption...)", "EntityManager.lock", "EntityManager.lock",
                        em -> em.lock(detached, LockModeType.NONE, Timeout.ms(1000))),
                new Call("refresh(Object, RefreshOption...)", "EntityManager.refresh", "EntityManager.refresh",
                        em -> em.refresh(detached, CacheStoreMode.BYPASS)),
                new Call("setCacheRetrieveMode", "EntityManager.setCacheRetrieveMode", "EntityManager.setCacheRetrieveMode",
                        em -> em.setCacheRetrieveMode(CacheRetrieveMode.BYPASS)),
                new Call("getCacheRetrieveMode", "EntityManager.getCacheRetrieveMode", "EntityManager.getCacheRetrieveMode",
                        EntityManager::getCacheRetrieveMode),
                new Call("setCacheStoreMode", "EntityManager.setCacheStoreMode", "EntityManager.setCacheStoreMode",
                        em -> em.setCacheStoreMode(CacheStoreMode.BYPASS)),
                new Call("getCacheStoreMode", "EntityManager.getCacheStoreMode", "EntityManager.getCacheStoreMode",
                        EntityManager::getCacheStoreMode),
                new Call("createQuery(CriteriaSelect)", "EntityManager.createQuery", "TypedQuery.getResultList (query from EntityManager.createQuery)",
                        em -> em.createQuery(allBooks(em.getCriteriaBuilder())).getResultList()),
                new Call("createQuery(TypedQueryReference)", "EntityManager.createQuery", "TypedQuery.getResultList (query from EntityManager.createQuery)",
                        em -> em.createQuery(namedAllBooks()).getResultList()),
                new Call("runWithConnection", "EntityManager.runWithConnection", "EntityManager.runWithConnection",
                        em -> em.runWithConnection((Connection c) -> c.isValid(1))),
                new Call("callWithConnection", "EntityManager.callWithConnection", "EntityManager.callWithConnection",
                        em -> em.callWithConnection((Connection c) -> c.getMetaData().getURL())));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void outsideAnyContextEachFailsWithTheGlobalContextError(Call call) {
        GlobalContextException e = assertThrows(GlobalContextException.class, () -> call.call().accept(em("main")));
        assertTrue(e.getMessage().startsWith("FORKSCOPE-001: " + call.outside() + " was called on thread"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("calls")
    void onAForkKeptPastItsContextEachFailsSayingTheContextEnded(Call call) {
        EntityManager kept = Forkscope.call(() -> Forkscope.currentEntityManager("main").orElseThrow());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.call().accept(kept));
        assertTrue(e.getMessage().startsWith("FORKSCOPE-102: " + call.method() + " was called on a fork of unit 'main' "
                + "whose context has ended"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("calls")
    void fromAnotherThreadWhileTheRequestIsInsideTheForkEachIsRefused(Call call) {
        AtomicReference<Throwable> taskFailure = new AtomicReference<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "report-worker"));
        try {
            Forkscope.run(() -> {
                EntityManager requestFork = Forkscope.currentEntityManager("main").orElseThrow();
                Book.onLoad = () -> {
                    Book.onLoad = () -> { };
                    try {
                        CompletableFuture.runAsync(() -> call.call().accept(requestFork), executor).get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        taskFailure.set(e.getCause());
                    } catch (Exception e) {
                        taskFailure.set(e);
                    }
                };
                em("main").find(Book.class, SEEDED_BOOK);
            });
        } finally {
            executor.shutdown();
        }
        ConcurrentForkUseException e = assertInstanceOf(ConcurrentForkUseException.class, taskFailure.get());
        assertTrue(e.getMessage().startsWith("FORKSCOPE-101: " + call.method() + " was called on thread \"report-worker\""),
                e.getMessage());
    }

    @Test
    void findWithOptionsOrAGraphAndGetReferenceOfADetachedEntityReturnTheContextsManagedInstance() {
        EntityManager em = em("main");
        Book first = Forkscope.call(() -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            assertSame(book, em.find(Book.class, SEEDED_BOOK, CacheRetrieveMode.BYPASS, Timeout.seconds(5)));
            assertSame(book, em.find(graph(), SEEDED_BOOK));
            assertSame(book, em.getReference(new Book(SEEDED_BOOK, SEEDED_TITLE)));
            return book;
        });
        Book second = Forkscope.call(() -> em.find(Book.class, SEEDED_BOOK, CacheRetrieveMode.BYPASS));
        assertNotSame(first, second, "another context has another fork");
    }

    @Test
    void lockWithOptionsLocksInTheForksTransactionAndRefreshWithOptionsRereadsTheRow() throws Exception {
        EntityManager em = em("main");
        Forkscope.run(() -> Forkscope.transactional("main", () -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            em.lock(book, LockModeType.PESSIMISTIC_WRITE, Timeout.ms(2000));
            assertEquals(LockModeType.PESSIMISTIC_WRITE,
                    Forkscope.currentEntityManager("main").orElseThrow().unwrap(Session.class).getLockMode(book));
        }));
        String title = Forkscope.call(() -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            jdbcUpdate(MAIN_URL, "update Book set title = 'Dune Messiah' where id = " + SEEDED_BOOK);
            em.refresh(book, CacheStoreMode.BYPASS);
            return book.getTitle();
        });
        assertEquals("Dune Messiah", title);
    }

    @Test
    void cacheModesAreTheForksOwnAndANewContextStartsFromTheDefaults() {
        EntityManager em = em("main");
        Forkscope.run(() -> {
            em.setCacheRetrieveMode(CacheRetrieveMode.BYPASS);
            em.setCacheStoreMode(CacheStoreMode.REFRESH);
            Session session = Forkscope.currentEntityManager("main").orElseThrow().unwrap(Session.class);
            assertEquals(CacheRetrieveMode.BYPASS, session.getCacheRetrieveMode(), "the provider's own setting");
            assertEquals(CacheStoreMode.REFRESH, session.getCacheStoreMode(), "the provider's own setting");
            assertEquals(CacheRetrieveMode.BYPASS, em.getCacheRetrieveMode());
            assertEquals(CacheStoreMode.REFRESH, em.getCacheStoreMode());
        });
        Forkscope.run(() -> {
            assertEquals(CacheRetrieveMode.USE, em.getCacheRetrieveMode());
            assertEquals(CacheStoreMode.USE, em.getCacheStoreMode());
        });
    }

    @Test
    void queriesFromACriteriaSelectOrATypedQueryReferenceRunOnTheFork() {
        EntityManager em = em("main");
        Forkscope.run(() -> {
            Book book = em.find(Book.class, SEEDED_BOOK);
            List<Book> selected = em.createQuery(allBooks(em.getCriteriaBuilder())).getResultList();
            assertEquals(1, selected.size());
            assertSame(book, selected.get(0));
            List<Book> named = em.createQuery(namedAllBooks()).getResultList();
            assertEquals(1, named.size());
            assertSame(book, named.get(0));
        });
    }

    @Test
    void connectionWorkRunsInTheForksTransactionAndRollsBackWithIt() throws Exception {
        EntityManager em = em("main");
        long id = newId();
        assertThrows(IllegalStateException.class, () -> Forkscope.run(() -> Forkscope.transactional("main", () -> {
            em.runWithConnection((Connection c) -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("insert into Book (id, title) values (" + id + ", 'Emma')");
                }
            });
            assertEquals("Emma", em.find(Book.class, id).getTitle(), "the fork's transaction sees the row");
            assertEquals(MAIN_URL, em.callWithConnection((Connection c) -> c.getMetaData().getURL()));
            throw new IllegalStateException("roll back");
        })));
        assertEquals(null, jdbcTitle(id), "the row was written in the fork's transaction, which rolled back");
    }

    private static EntityGraph<Book> graph() {
        try (EntityManager plain = unit("main").factory().createEntityManager()) {
            return plain.createEntityGraph(Book.class);
        }
    }

    private static CriteriaSelect<Book> allBooks(CriteriaBuilder builder) {
        CriteriaQuery<Book> query = builder.createQuery(Book.class);
        return query.select(query.from(Book.class));
    }

    /** A reference to a named query registered with its result type, which {@code @NamedQuery} gives only in 3.2. */
    private static TypedQueryReference<Book> namedAllBooks() {
        EntityManagerFactory factory = unit("main").factory();
        try (EntityManager plain = factory.createEntityManager()) {
            factory.addNamedQuery("Book.typed", plain.createQuery("select b from Book b", Book.class));
        }
        return factory.getNamedQueries(Book.class).get("Book.typed");
    }
}
