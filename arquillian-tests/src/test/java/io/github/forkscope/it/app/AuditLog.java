package io.github.forkscope.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import static jakarta.transaction.Transactional.TxType.NOT_SUPPORTED;
import static jakarta.transaction.Transactional.TxType.REQUIRES_NEW;

/** Work that runs in a transaction of its own, or in none, inside a caller's transaction. */
@ApplicationScoped
public class AuditLog {
    @Inject
    EntityManager em;

    @Transactional(REQUIRES_NEW)
    public void record(long id, boolean fail) {
        em.persist(new Book(id, "audit", null)); // written by this transaction's commit, with no flush of its own
        if (fail) {
            throw new IllegalStateException("audit rolled back on purpose");
        }
    }

    @Transactional(REQUIRES_NEW)
    public void recordAndMerge(long id, Book ofTheCaller) {
        em.persist(new Book(id, "audit", null));
        em.merge(ofTheCaller);
    }

    @Transactional(NOT_SUPPORTED)
    public void addWithoutTransaction(long id) {
        em.persist(new Book(id, "outside any transaction", null));
    }
}
