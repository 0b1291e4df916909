package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;

/** A resource-local transaction, through {@code EntityManager.getTransaction()}. */
final class ResourceLocalTransaction extends UnitTransaction {

    ResourceLocalTransaction(EntityManager em) {
        super(em);
    }

    @Override
    boolean active() {
        return em.getTransaction().isActive();
    }

    @Override
    void begin() {
        em.getTransaction().begin();
    }

    @Override
    void commit() {
        em.getTransaction().commit();
    }

    @Override
    void rollback() {
        em.getTransaction().rollback();
    }

    @Override
    void markRollbackOnly() {
        em.getTransaction().setRollbackOnly();
    }
}
