package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** SPEC 6: the guard rails, each on Hibernate ("main") and on EclipseLink ("eclipselink"). */
class GuardRailsTest extends WeldTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void anExecutorTaskUsingTheRequestsForkWhileTheRequestUsesItIsRefusedNamingBothThreads(String unit) {
        EntityManager em = em(unit);
        long tripsBefore = Forkscope.metrics().getConcurrentUseTrips();
        AtomicReference<Throwable> taskFailure = new AtomicReference<>();
        String requestThread = Thread.currentThread().getName();
        java.util.concurrent.ExecutorService executor =
                java.util.concurrent.Executors.newSingleThreadExecutor(task -> new Thread(task, "report-worker"));
        Forkscope.run(() -> {
            EntityManager requestFork = Forkscope.currentEntityManager(unit).orElseThrow();
            // while the request is inside find(), a task on another thread uses the same fork
            Book.onLoad = () -> {
                Book.onLoad = () -> { };
                try {
                    CompletableFuture.runAsync(() -> requestFork.find(Book.class, SEEDED_BOOK), executor)
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    taskFailure.set(e.getCause());
                } catch (Exception e) {
                    taskFailure.set(e);
                }
            };
            em.find(Book.class, SEEDED_BOOK);
        });
        executor.shutdown();
        ConcurrentForkUseException e = assertInstanceOf(ConcurrentForkUseException.class, taskFailure.get());
        String message = e.getMessage();
        assertTrue(message.startsWith("FORKSCOPE-101: EntityManager.find was called on thread \"report-worker\""), message);
        assertTrue(message.contains("while thread \"" + requestThread + "\" is inside a call on the same fork"), message);
        assertTrue(message.contains("give each task a context of its own"), message);
        assertEquals(tripsBefore + 1, Forkscope.metrics().getConcurrentUseTrips());
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void anEntityManagerKeptPastItsJobFailsInALaterOneSayingWhereItWasOpened(String unit) {
        EntityManager kept = bean(Jobs.class).keepFork(unit);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Forkscope.run(() -> kept.find(Book.class, SEEDED_BOOK)));
        String message = e.getMessage();
        assertTrue(message.startsWith("FORKSCOPE-102: EntityManager.find was called on a fork of unit '" + unit
                + "' whose context has ended"), message);
        assertTrue(message.contains("opened by @RequestContextual on io.github.forkscope.cdi.Jobs.keepFork() on thread"),
                message);
        assertTrue(message.contains("inject EntityManager instead and call it when the work runs"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void anEntityOfTheOuterContextPassedToANestedOneIsRefused(String unit) throws Exception {
        EntityManager em = em(unit);
        Forkscope.run(() -> {
            Book outer = em.find(Book.class, SEEDED_BOOK);
            outer.setTitle("changed in the outer context");
            Forkscope.run(() -> {
                for (String method : List.of("persist", "merge", "remove", "refresh", "lock", "detach")) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                        switch (method) {
                            case "persist" -> em.persist(outer);
                            case "merge" -> em.merge(outer);
                            case "remove" -> em.remove(outer);
                            case "refresh" -> em.refresh(outer);
                            case "lock" -> em.lock(outer, jakarta.persistence.LockModeType.OPTIMISTIC);
                            default -> em.detach(outer);
                        }
                    }, method);
                    assertTrue(e.getMessage().startsWith("FORKSCOPE-103: EntityManager." + method
                            + " was given a Book that is managed by another live context"), e.getMessage());
                    assertTrue(e.getMessage().contains("Load it in this context instead (em.find(Book.class, id))"),
                            e.getMessage());
                }
                Book own = em.find(Book.class, SEEDED_BOOK);
                em.detach(own);
                assertEquals(SEEDED_TITLE, own.getTitle(), "this context's own entity is handled normally");
                // had any refused call reached the provider, this commit would write the outer change
                Forkscope.transactional(unit, () -> em.find(Book.class, SEEDED_BOOK));
            });
        });
        assertEquals(SEEDED_TITLE, jdbcTitle(url(unit), SEEDED_BOOK), "the outer context's change was written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void seed003ChangingAnEntityOfContextAAndFlushingContextBWarnsThatTheChangeIsNotSaved(String unit)
            throws Exception {
        EntityManager em = em(unit);
        try (LogCapture log = LogCapture.start()) {
            Forkscope.run(() -> {
                Book globalUser = em.find(Book.class, SEEDED_BOOK);
                globalUser.setTitle("Dave");
                Forkscope.run(() -> Forkscope.transactional(unit, () -> {
                    em.find(Book.class, SEEDED_BOOK);
                    em.flush();
                }));
                globalUser.setTitle(SEEDED_TITLE);
            });
            List<String> warnings = log.warnings("FORKSCOPE-104");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("does not save the unflushed changes (1 changed Book)"), warnings.get(0));
            assertTrue(warnings.get(0).contains("opened by Forkscope.run/call"), warnings.get(0));
        }
        assertEquals(SEEDED_TITLE, jdbcTitle(url(unit), SEEDED_BOOK), "Dave was saved after all");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aContextEndingWithUnflushedChangesWarnsOnceWithTypesAndCountsAndACleanOneSaysNothing(String unit) {
        EntityManager em = em(unit);
        long id = newId();
        try (LogCapture log = LogCapture.start()) {
            Forkscope.run(() -> em.find(Book.class, SEEDED_BOOK));
            assertEquals(List.of(), log.warnings("FORKSCOPE-105"), "a clean context warned");

            Forkscope.run(() -> {
                em.find(Book.class, SEEDED_BOOK).setTitle("never saved");
                em.persist(new Book(id, "never inserted"));
            });
            List<String> warnings = log.warnings("FORKSCOPE-105");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("ended with unflushed changes to unit '" + unit
                    + "', which were discarded: (1 changed Book, 1 new Book)"), warnings.get(0));
            assertTrue(warnings.get(0).contains("Commit them before the context ends"), warnings.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aCollectionChangedAsTheOnlyChangeWarnsThatItWasDiscarded(String unit) {
        EntityManager em = em(unit);
        long id = newId();
        Forkscope.run(() -> Forkscope.transactional(unit, () -> em.persist(new Shelf(id))));
        try (LogCapture log = LogCapture.start()) {
            Forkscope.run(() -> em.find(Shelf.class, id).getLabels().add("signed copies"));
            List<String> warnings = log.warnings("FORKSCOPE-105");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("which were discarded: (1 changed Shelf)"), warnings.get(0));
        }
        assertEquals(0, Forkscope.call(() -> em.find(Shelf.class, id).getLabels().size()), "the change was written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aCommittedContextDoesNotWarn(String unit) {
        EntityManager em = em(unit);
        try (LogCapture log = LogCapture.start()) {
            Forkscope.transactional(unit, () -> em.find(Book.class, SEEDED_BOOK).setTitle("committed"));
            assertEquals(List.of(), log.warnings("FORKSCOPE-105"));
        }
    }

    private static String url(String unit) {
        return unit.equals("main") ? MAIN_URL : ECLIPSELINK_URL;
    }

    static String jdbcTitle(String url, long id) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
             var s = c.createStatement();
             var rs = s.executeQuery("select title from Book where id = " + id)) {
            return rs.next() ? rs.getString(1) : fail("no book " + id);
        }
    }
}
