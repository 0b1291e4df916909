package io.github.forkscope.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

@ApplicationScoped
public class TxService {
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    @Transactional
    public void add(long id, String title, boolean fail) {
        em.persist(new Book(id, title, null));
        em.flush();
        if (fail) {
            throw new IllegalStateException("rolled back on purpose");
        }
    }

    /** Runs the work inside a transaction, as a {@code @Transactional} service method does. */
    @Transactional
    public <T> T within(Supplier<T> work) {
        return work.get();
    }

    /** Only a setter: no EntityManager call inside the transaction. */
    @Transactional
    public void rename(Book book, String title) {
        book.setTitle(title);
    }

    /** The common save method: the entity was changed by the caller and is handed to the EntityManager here. */
    @Transactional
    public Book save(Book book) {
        return em.merge(book);
    }

    /** Writes through the fork (so it joins this transaction), then records an audit row in a transaction of its own. */
    @Transactional
    public void renameWithAudit(long id, String title, long auditId, boolean innerFails, boolean outerFails) {
        em.find(Book.class, id).setTitle(title);
        em.flush();
        try {
            audit.record(auditId, innerFails);
        } catch (RuntimeException expected) {
            // the audit's own transaction rolled back; this one goes on
        }
        if (outerFails) {
            throw new IllegalStateException("outer transaction rolled back on purpose");
        }
    }

    /** Changes a book, then persists one outside any transaction: only the first may be committed by this one. */
    @Transactional
    public void renameThenAddWithoutTransaction(long id, String title, long otherId) {
        em.find(Book.class, id).setTitle(title);
        audit.addWithoutTransaction(otherId);
    }

    /** Hands an entity of this transaction's fork to a transaction of its own, which must refuse it. */
    @Transactional
    public String renameAndMergeInNewTransaction(long id, String title, long auditId) {
        Book book = em.find(Book.class, id);
        book.setTitle(title);
        try {
            audit.recordAndMerge(auditId, book);
            return "merged";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
