package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;

import java.util.Objects;

/**
 * A JTA transaction through the container's {@code UserTransaction}. What joins it when it begins
 * is the caller's to say: a short-lived EntityManager joins it alone, {@code Forkscope.transactional}
 * joins every live fork of the context, as any transaction boundary does.
 */
final class JtaTransaction extends UnitTransaction {

    private final Jta jta;
    private final Runnable join;

    /**
     * @param em   the EntityManager flushed before commit and cleared after a rollback
     * @param join what joins the transaction once {@link #begin()} has begun it
     */
    JtaTransaction(Jta jta, EntityManager em, Runnable join) {
        super(em);
        this.jta = Objects.requireNonNull(jta, "jta");
        this.join = Objects.requireNonNull(join, "join");
    }

    @Override
    boolean active() {
        int status = jta.status();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    void begin() throws Exception {
        jta.userTransaction().begin();
        join.run();
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
