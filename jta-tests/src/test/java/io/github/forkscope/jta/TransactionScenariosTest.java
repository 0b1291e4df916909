package io.github.forkscope.jta;

import io.github.forkscope.Forkscope;
import io.github.forkscope.testsupport.TransactionBoundaries;
import io.github.forkscope.ForkscopeMetrics;
import io.github.forkscope.cdi.ForkscopeThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paths between the named scenarios, each as an application writes it, on Hibernate and
 * EclipseLink with JTA, and checked over plain JDBC: a {@code NOT_SUPPORTED} preview inside an
 * order, a {@code REQUIRES_NEW} worker loop inside a {@code NOT_SUPPORTED} batch, a transaction
 * marked for rollback before its first call, a setter after a rollback, a task inside a
 * transaction, an EntityManager held across {@code REQUIRES_NEW}, and queries that outlive the
 * transaction they were created in or were created before any context.
 */
class TransactionScenariosTest extends JtaTest {

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void aNotSupportedPreviewIsCommittedNeitherByTheOrderNorByALaterAudit(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        long preview = newId();
        long audit = newId();
        long ghostFlushes = metrics().getGhostFlushWarnings();
        Forkscope.run(() -> levels.required(() -> {
            Item ordered = em.find(Item.class, 1L);
            levels.notSupported(() -> {
                em.find(Item.class, 2L).setLabel("previewed");
                em.persist(new Note(preview, "for a preview"));
            });
            levels.required(() -> ordered.setLabel("reserved"));
            levels.requiresNew(() -> em.persist(new Note(audit, "audit")));
        }));
        assertEquals("reserved", label(unit, 1));
        assertEquals(SEED, label(unit, 2), "the preview's change was committed");
        assertEquals(0, notes(unit, preview), "the preview's new entity was committed");
        assertEquals(1, notes(unit, audit));
        assertEquals(ghostFlushes, metrics().getGhostFlushWarnings(), "FORKSCOPE-107 for the order's own change");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void aRequiresNewWorkerLoopKeepsTheBatchsForkAndItsEntitiesManaged(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        for (boolean insideATransaction : new boolean[]{false, true}) {
            seed();
            Runnable order = () -> em.find(Item.class, 1L); // the order's own fork joins its transaction first
            Runnable batch = () -> levels.notSupported(() -> {
                List<Item> items = new ArrayList<>();
                for (long id = 1; id <= ITEMS; id++) {
                    items.add(em.find(Item.class, id));
                }
                for (Item item : items) {
                    levels.requiresNew(() -> item.setLabel("worked " + item.getId()));
                }
                for (Item item : items) {
                    assertTrue(em.contains(item), "the batch's entity was detached by a worker");
                    assertSame(item, em.find(Item.class, item.getId()), "the batch's identity map was lost");
                }
            });
            Forkscope.run(insideATransaction ? () -> levels.required(() -> {
                order.run();
                batch.run();
            }) : batch);
            for (long id = 1; id <= ITEMS; id++) {
                assertEquals("worked " + id, label(unit, id), "worker's change, batch inside a transaction: " + insideATransaction);
            }
        }
    }

    /** The doomed change is a persist, which needs no statement: a statement there would fail to enlist its connection. */
    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void aChangeMadeInADoomedTransactionIsCommittedByNoOtherTransaction(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        UserTransaction userTransaction = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        long doomedNote = newId();
        long audit = newId();
        long laterDoomedNote = newId();
        long laterAudit = newId();
        long doomed = metrics().getDoomedChangesWarnings();
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        Forkscope.run(() -> {
            levels.required(() -> {
                setRollbackOnly(userTransaction);
                try {
                    em.persist(new Note(doomedNote, "doomed"));
                } catch (RuntimeException byTheProvider) {
                    refused.set(byTheProvider); // EclipseLink refuses a write in a transaction marked for rollback
                }
                levels.requiresNew(() -> em.persist(new Note(audit, "audit")));
            });
            levels.required(() -> em.find(Item.class, 5L).setLabel("next order"));
        });
        assertEquals(0, notes(unit, doomedNote), "the doomed change was committed");
        assertEquals(1, notes(unit, audit), "the audit's own row");
        assertEquals("next order", label(unit, 5));
        assertEquals(doomed + (refused.get() == null ? 1 : 0), metrics().getDoomedChangesWarnings(),
                "FORKSCOPE-109 for the thrown-away change");
        assertEquals(unit.equals("eclipselink"), refused.get() != null, "the provider's refusal: " + refused.get());

        Forkscope.run(() -> {
            try {
                userTransaction.begin();
                userTransaction.setRollbackOnly();
                try {
                    em.persist(new Note(laterDoomedNote, "doomed too"));
                } catch (RuntimeException byTheProvider) {
                    // EclipseLink, as above
                }
                levels.requiresNew(() -> em.persist(new Note(laterAudit, "audit")));
                userTransaction.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            levels.required(() -> em.find(Item.class, 5L).setLabel("after"));
        });
        assertEquals(0, notes(unit, laterDoomedNote), "the change of a UserTransaction marked for rollback was committed");
        assertEquals(1, notes(unit, laterAudit));
        assertEquals("after", label(unit, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void aSetterOnAnEntityARollbackDetachedWarnsAndTheRetryPatternCommits(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        long taken = newId();
        jdbcUpdate(unit, "insert into Note (id, tag) values (" + taken + ", 'taken')");
        long detachedWarnings = metrics().getRollbackDetachedWarnings();
        Forkscope.run(() -> {
            Item held = em.find(Item.class, 1L);
            assertThrows(Exception.class, () -> levels.required(() -> {
                held.setLabel("first try");
                em.persist(new Note(taken, "duplicate key"));
            }));
            levels.required(() -> held.setLabel("renamed after the rollback")); // the README's setter-only pattern
            Item again = em.find(Item.class, 1L);
            levels.required(() -> again.setLabel("retried"));
        });
        assertEquals("retried", label(unit, 1), "the retry pattern: load again, change, commit");
        assertEquals(detachedWarnings + 1, metrics().getRollbackDetachedWarnings(),
                "FORKSCOPE-108 for the setter on the entity the rollback detached");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void aTaskSubmittedInsideATransactionReachesTheRequestsForkAndCommitsWithIt(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            long forks = metrics().getForksCreated();
            Forkscope.run(() -> levels.required(() -> {
                Item mine = em.find(Item.class, 1L);
                ThreadContextSnapshot snapshot = new ForkscopeThreadContextProvider().currentContext(Map.of());
                Item theTasks = join(executor.submit(() -> {
                    ThreadContextRestorer restorer = snapshot.begin();
                    try {
                        Item found = em.find(Item.class, 1L);
                        found.setLabel("changed by the task");
                        return found;
                    } finally {
                        restorer.endContext();
                    }
                }));
                assertSame(mine, theTasks, "the task got another fork");
            }));
            assertEquals(forks + 1, metrics().getForksCreated(), "forks created for the request and its task");
            assertEquals("changed by the task", label(unit, 1));
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void aHeldEntityManagerHonoursRequiresNewAndQueriesNameWhatEnded(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        long audit = newId();
        AtomicReference<TypedQuery<Item>> kept = new AtomicReference<>();
        TypedQuery<Item> early = em.createQuery("select i from Item i where i.id = 2", Item.class);
        Forkscope.run(() -> {
            EntityManager held = Forkscope.currentEntityManager(unit).orElseThrow();
            assertThrows(RuntimeException.class, () -> levels.required(() -> {
                levels.requiresNew(() -> {
                    held.persist(new Note(audit, "held"));
                    kept.set(em.createQuery("select i from Item i where i.id = 1", Item.class));
                });
                throw new IllegalStateException("the outer transaction fails");
            }));
            IllegalStateException ended = assertThrows(IllegalStateException.class, () -> kept.get().getResultList());
            assertTrue(ended.getMessage().startsWith("FORKSCOPE-102"), ended.getMessage());
            assertTrue(ended.getMessage().contains("the context itself is still open"), ended.getMessage());
            assertNotNull(early.getSingleResult(), "a query created before the context, run inside it");
        });
        assertEquals(1, notes(unit, audit), "the held EntityManager's persist inside REQUIRES_NEW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate", "eclipselink"})
    void anAfterCompletionCallbackReachesTheForkOfTheSectionItsTransactionRanIn(String unit) throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em(unit);
        TransactionSynchronizationRegistry registry =
                (TransactionSynchronizationRegistry) new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
        List<Object> seen = new ArrayList<>();
        long active = metrics().getContextsActive();
        Forkscope.run(() -> {
            Item loaded = em.find(Item.class, 1L);
            levels.required(() -> registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    seen.add(em.find(Item.class, 1L) == loaded ? "the context's own instance" : "another instance");
                }
            }));
            levels.requiresNew(() -> {
                Item inner = em.find(Item.class, 2L);
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        try {
                            seen.add(em.find(Item.class, 2L) == inner ? "the transaction's own instance" : "the section's outer fork");
                        } catch (RuntimeException e) {
                            seen.add(e.getMessage());
                        }
                    }
                });
            });
        });
        assertEquals(List.of("the context's own instance", "the transaction's own instance"), seen);
        assertEquals(active, metrics().getContextsActive(), "a callback left a context open");
    }

    private static ForkscopeMetrics metrics() {
        return Forkscope.metrics();
    }

    private static String label(String unit, long id) throws Exception {
        return jdbcString(unit, "select label from Item where id = " + id);
    }

    private static long notes(String unit, long id) throws Exception {
        return jdbcCount(unit, "select count(*) from Note where id = " + id);
    }

    private static void setRollbackOnly(UserTransaction transaction) {
        try {
            transaction.setRollbackOnly();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
