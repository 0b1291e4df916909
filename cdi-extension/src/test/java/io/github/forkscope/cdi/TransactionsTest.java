package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 4: transactions on resource-local units (JTA is tested in the containers). */
class TransactionsTest extends WeldTest {

    @Test
    void aCommittedTransactionIsVisibleToASeparateConnection() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        Book saved = Forkscope.transactional(() -> em.merge(new Book(id, "committed")));
        assertEquals(id, saved.getId());
        assertEquals("committed", jdbcTitle(id));
    }

    @Test
    void aFailureRollsBackClearsTheForkAndRethrowsTheOriginalException() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        IOException original = new IOException("disk full");
        Forkscope.run(() -> {
            Book book = new Book(id, "never committed");
            IOException thrown = assertThrows(IOException.class, () -> Forkscope.transactional(() -> {
                em.persist(book);
                em.find(Book.class, SEEDED_BOOK).setTitle("half-applied");
                em.flush();
                throw original;
            }));
            assertSame(original, thrown);
            assertFalse(em.contains(book), "the failed transaction's entity is still managed");
            assertFalse(em.getTransaction().isActive(), "the transaction is still open");
            assertEquals(SEEDED_TITLE, em.find(Book.class, SEEDED_BOOK).getTitle(), "half-applied state stayed managed");
        });
        assertNull(jdbcTitle(id));
        assertEquals(SEEDED_TITLE, jdbcTitle(SEEDED_BOOK));
    }

    @Test
    void aFailingCommitRollsBackAndRethrowsTheProviderException() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        assertThrows(PersistenceException.class, () -> Forkscope.transactional(() -> {
            em.persist(new Book(id, "fine"));
            em.persist(new Book(SEEDED_BOOK, "duplicate key"));
        }));
        assertNull(jdbcTitle(id), "part of a failed transaction was committed");
    }

    @Test
    void anActiveTransactionIsJoinedAndLeftToItsOwner() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        Forkscope.run(() -> {
            em.getTransaction().begin();
            Forkscope.transactional(() -> em.persist(new Book(id, "joined")));
            assertTrue(em.getTransaction().isActive(), "the joined transaction was ended by the inner call");
            assertNull(titleOrNull(id), "the inner call committed a transaction it does not own");
            em.getTransaction().commit();
        });
        assertEquals("joined", jdbcTitle(id));
    }

    @Test
    void aFailureInsideAJoinedTransactionMarksItForRollbackAndTheOwnersCommitFails() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        Forkscope.run(() -> {
            em.getTransaction().begin();
            assertThrows(IllegalArgumentException.class, () -> Forkscope.transactional(() -> {
                em.persist(new Book(id, "written by the failed part"));
                em.flush();
                throw new IllegalArgumentException("bad input");
            }));
            assertTrue(em.getTransaction().getRollbackOnly());
            try {
                em.getTransaction().commit();
            } catch (jakarta.persistence.RollbackException e) {
                // what the specification asks; Hibernate without JPA transaction compliance rolls back silently
            }
            assertFalse(em.getTransaction().isActive(), "the owner's commit left the transaction open");
        });
        assertNull(jdbcTitle(id), "the owner's commit wrote what the failed part flushed");
    }

    @Test
    void aContextThatFailsWithAnOpenTransactionLeavesNoConnectionAndNoRow() throws Exception {
        EntityManager em = bean(Library.class).em();
        long id = newId();
        assertThrows(IllegalStateException.class, () -> Forkscope.run(() -> {
            em.getTransaction().begin();
            em.persist(new Book(id, "uncommitted"));
            em.flush();
            assertEquals(1, pool("main").getMetrics().activeCount());
            throw new IllegalStateException("request failed");
        }));
        assertEquals(0, pool("main").getMetrics().activeCount(), "the connection is still checked out");
        assertNull(jdbcTitle(id));
    }

    private static String titleOrNull(long id) {
        try {
            return jdbcTitle(id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
