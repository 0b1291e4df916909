package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;

/**
 * A resource-local transaction, through {@code EntityManager.getTransaction()}: of a fork, whose
 * ghost-flush guard watches it, or of a short-lived EntityManager.
 */
final class ResourceLocalTransaction extends UnitTransaction {

    private final Fork fork;

    /** A transaction of a short-lived EntityManager, which holds nothing from before it. */
    ResourceLocalTransaction(EntityManager em) {
        super(em);
        this.fork = null;
    }

    /** A transaction of a fork, entered by the caller for the length of the transaction. */
    ResourceLocalTransaction(Fork fork) {
        super(fork.em());
        this.fork = fork;
    }

    @Override
    boolean active() {
        return em.getTransaction().isActive();
    }

    @Override
    void begin() {
        em.getTransaction().begin();
        if (fork != null) {
            fork.transactionBegins();
        }
    }

    @Override
    void beforeCommit() {
        if (fork != null) {
            fork.beforeCommit();
        }
    }

    @Override
    void commit() {
        em.getTransaction().commit();
    }

    @Override
    void rollback() {
        if (fork != null) {
            fork.rolledBack(); // the clear that follows detaches what the fork holds
        }
        em.getTransaction().rollback();
    }

    @Override
    void markRollbackOnly() {
        em.getTransaction().setRollbackOnly();
    }
}
