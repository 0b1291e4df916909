package io.github.forkscope.it.app;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A container-managed transaction of its own inside the caller's. */
@Stateless
public class AuditEjb {
    @Inject
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long id, boolean fail) {
        em.persist(new Book(id, "audit", null)); // written by this transaction's commit, with no flush of its own
        if (fail) {
            throw new IllegalStateException("audit rolled back on purpose");
        }
    }
}
