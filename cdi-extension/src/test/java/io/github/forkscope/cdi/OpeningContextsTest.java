package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.2 to 3.4: opening contexts with @RequestContextual, Forkscope and the CDI request context. */
class OpeningContextsTest extends WeldTest {

    @Test
    void createInsideCreateGetsADistinctForkAndLeavesTheOuterOneUntouched() {
        Jobs jobs = bean(Jobs.class);
        EntityManager em = jobs.em();
        Forkscope.run(() -> {
            EntityManager outer = Forkscope.currentEntityManager().orElseThrow();
            Book outerBook = em.find(Book.class, SEEDED_BOOK);
            outerBook.setTitle("pending in the outer context");
            long closed = sessionsClosed("main");

            Jobs.Seen inner = jobs.create(SEEDED_BOOK);

            assertNotSame(outer, inner.fork());
            assertNotSame(outerBook, inner.book());
            assertEquals(SEEDED_TITLE, inner.title(), "the inner context saw the outer one's pending change");
            assertFalse(inner.fork().isOpen(), "the inner fork outlived its call");
            assertEquals(closed + 1, sessionsClosed("main"), "Hibernate's session of the inner fork was not closed");
            assertSame(outer, Forkscope.currentEntityManager().orElseThrow(), "the outer context was not restored");
            assertTrue(outer.isOpen());
            assertTrue(em.contains(outerBook));
            assertEquals("pending in the outer context", em.find(Book.class, SEEDED_BOOK).getTitle());
        });
    }

    @Test
    void aFailingCreateInsideCreateLeavesTheOuterContextUntouched() throws Exception {
        Jobs jobs = bean(Jobs.class);
        EntityManager em = jobs.em();
        Forkscope.run(() -> {
            EntityManager outer = Forkscope.currentEntityManager().orElseThrow();
            Book outerBook = em.find(Book.class, SEEDED_BOOK);
            outerBook.setTitle("pending in the outer context");
            EntityManager[] inner = new EntityManager[1];
            long closed = sessionsClosed("main");

            assertThrows(IllegalStateException.class, () -> jobs.createAndFail(SEEDED_BOOK, inner));

            assertFalse(inner[0].isOpen(), "the failed inner fork is still open");
            assertEquals(closed + 1, sessionsClosed("main"), "Hibernate's session of the failed inner fork was not closed");
            assertNotSame(outer, inner[0]);
            assertSame(outer, Forkscope.currentEntityManager().orElseThrow());
            assertSame(outerBook, em.find(Book.class, SEEDED_BOOK));
            assertEquals("pending in the outer context", outerBook.getTitle());
        });
        assertEquals(SEEDED_TITLE, jdbcTitle(SEEDED_BOOK));
    }

    @Test
    void ensureInsideCreateJoinsTheActiveContext() {
        Jobs jobs = bean(Jobs.class);
        Forkscope.run(() -> {
            Book outerBook = jobs.em().find(Book.class, SEEDED_BOOK);
            Jobs.Seen joined = jobs.ensure(SEEDED_BOOK);
            assertSame(Forkscope.currentEntityManager().orElseThrow(), joined.fork());
            assertSame(outerBook, joined.book());
            assertTrue(joined.fork().isOpen(), "ENSURE closed the context it joined");
        });
    }

    @Test
    void ensureBoundThroughAStereotypeOrInterceptionFactoryJoinsTheActiveContext() {
        BindingSources.PlainJob intercepted = container.select(BindingSources.PlainJob.class,
                jakarta.enterprise.inject.literal.NamedLiteral.of("ensureThroughInterceptionFactory")).get();
        BindingSources.StereotypedJob stereotyped = bean(BindingSources.StereotypedJob.class);
        Forkscope.run(() -> {
            EntityManager outer = Forkscope.currentEntityManager().orElseThrow();
            assertSame(outer, intercepted.fork(), "a binding added through InterceptionFactory ran as CREATE");
            assertSame(outer, stereotyped.fork(), "a binding declared by a stereotype ran as CREATE");
        });
    }

    @Test
    void ensureWithNoContextOpensOneAndClosesIt() {
        Jobs jobs = bean(Jobs.class);
        assertTrue(Forkscope.currentEntityManager().isEmpty());
        long closed = sessionsClosed("main");
        Jobs.Seen seen = jobs.ensure(SEEDED_BOOK);
        assertEquals(SEEDED_TITLE, seen.title());
        assertFalse(seen.fork().isOpen(), "the context ENSURE opened was not closed");
        assertEquals(closed + 1, sessionsClosed("main"), "Hibernate's session of the fork ENSURE opened was not closed");
        assertTrue(Forkscope.currentEntityManager().isEmpty());
        assertThrows(GlobalContextException.class, () -> jobs.em().find(Book.class, SEEDED_BOOK));
    }

    @Test
    void aClassLevelAnnotationOpensAContextForEveryBusinessMethod() {
        assertEquals(SEEDED_TITLE, bean(NightlyReport.class).titleOf(SEEDED_BOOK));
    }

    @Test
    void requestScopedBeansWorkInAnInterceptorOpenedContextOnAPlainThread() throws Exception {
        Jobs jobs = bean(Jobs.class);
        CompletableFuture<int[]> counts = new CompletableFuture<>();
        Thread plain = new Thread(() -> {
            try {
                counts.complete(new int[]{jobs.countRequestScopedCalls(), jobs.countRequestScopedCalls()});
            } catch (Throwable t) {
                counts.completeExceptionally(t);
            }
        });
        plain.start();
        int[] result = counts.get(30, TimeUnit.SECONDS);
        assertEquals(2, result[0]);
        assertEquals(2, result[1], "the second call reused the first call's request context");
    }

    @Test
    void anActiveCdiRequestContextIsTheContext() {
        RequestContextController controller = bean(RequestContextController.class);
        EntityManager em = bean(Library.class).em();
        long closed = sessionsClosed("main");
        controller.activate();
        EntityManager fork;
        try {
            assertSame(em.find(Book.class, SEEDED_BOOK), em.find(Book.class, SEEDED_BOOK));
            fork = Forkscope.currentEntityManager().orElseThrow();
            Jobs.Seen joined = bean(Jobs.class).ensure(SEEDED_BOOK);
            assertSame(fork, joined.fork());
        } finally {
            controller.deactivate();
        }
        assertFalse(fork.isOpen(), "the fork outlived the request context");
        assertEquals(closed + 1, sessionsClosed("main"), "Hibernate's session of the request context's fork was not closed");
    }

    @Test
    void currentEntityManagerIsEmptyOutsideAnyContextEvenWithForksAround() {
        assertTrue(Forkscope.currentEntityManager().isEmpty());
        assertTrue(Forkscope.currentEntityManager("reporting").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Forkscope.currentEntityManager("nope"));
        assertTrue(e.getMessage().startsWith("FORKSCOPE-003"), e.getMessage());
    }
}
