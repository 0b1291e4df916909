package io.github.forkscope.cdi;

import io.github.forkscope.Work;
import jakarta.persistence.EntityManager;

import java.util.Objects;

/**
 * A transaction on one EntityManager, resource-local or JTA, seen through the few operations
 * that {@code Forkscope.transactional} and writes outside a context need. {@link #run(String, Work)}
 * holds the one rule both follow: join an active transaction, otherwise begin one, commit on
 * success, roll back and clear on failure, and rethrow the original exception. One instance
 * serves one call on one thread.
 */
abstract class UnitTransaction {

    private static final System.Logger LOG = System.getLogger(UnitTransaction.class.getName());

    final EntityManager em;

    UnitTransaction(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    abstract boolean active();

    abstract void begin() throws Exception;

    /** Runs before the flush that precedes the commit; a failure rolls the transaction back. */
    void beforeCommit() {
    }

    abstract void commit() throws Exception;

    abstract void rollback() throws Exception;

    abstract void markRollbackOnly() throws Exception;

    final <T, X extends Exception> T run(String unit, Work<T, X> work) throws X {
        if (active()) {
            return joined(work);
        }
        try {
            begin();
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("Cannot begin a transaction on unit '" + unit + "'", e);
            rollbackAfter(unit, failure); // a begin whose join failed leaves no transaction on the thread
            throw failure;
        }
        try {
            T result = work.execute();
            beforeCommit();
            em.flush();
            commit();
            return result;
        } catch (Throwable failure) {
            rollbackAfter(unit, failure);
            clearAfter(failure);
            throw sneaky(failure);
        }
    }

    private <T, X extends Exception> T joined(Work<T, X> work) throws X {
        try {
            return work.execute();
        } catch (Throwable failure) {
            try {
                markRollbackOnly();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
            throw sneaky(failure);
        }
    }

    /** Clears what the failed transaction left managed; a failure to do so never hides the work's own. */
    private void clearAfter(Throwable failure) {
        try {
            em.clear();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void rollbackAfter(String unit, Throwable failure) {
        try {
            if (active()) {
                rollback();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, Messages.rollbackFailed(unit), e);
            failure.addSuppressed(e);
        }
    }

    /** Rethrows the work's own exception unchanged: checked ones can only be the work's X. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
