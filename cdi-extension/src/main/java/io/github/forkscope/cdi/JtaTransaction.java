package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;

/** A JTA transaction through the container's {@code UserTransaction}, joined by the EntityManager. */
final class JtaTransaction extends UnitTransaction {

    private final Jta jta;

    JtaTransaction(Jta jta, EntityManager em) {
        super(em);
        this.jta = jta;
    }

    @Override
    boolean active() {
        return jta.status() == Status.STATUS_ACTIVE || jta.status() == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    void begin() throws Exception {
        jta.userTransaction().begin();
        em.joinTransaction();
    }

    @Override
    void commit() throws Exception {
        jta.userTransaction().commit();
    }

    @Override
    void rollback() throws Exception {
        jta.userTransaction().rollback();
    }

    @Override
    void markRollbackOnly() throws Exception {
        jta.userTransaction().setRollbackOnly();
    }
}
