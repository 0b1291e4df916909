package io.github.forkscope.junit5;

import io.github.forkscope.spi.ForkscopeRuntime;
import jakarta.persistence.EntityManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The transaction a {@link Rollback} test runs in: a JTA {@code UserTransaction} where JNDI has
 * one, else a resource-local transaction on each unit's fork of the test's context, and the
 * rollback that ends it. The {@code UserTransaction} is driven by reflection so that the
 * extension loads in Java SE without the Transactions API. Used on the test's thread.
 */
final class TestTransaction {

    private static final String USER_TRANSACTION = "java:comp/UserTransaction";

    private final Object userTransaction;
    private final List<EntityManager> resourceLocal;

    private TestTransaction(Object userTransaction, List<EntityManager> resourceLocal) {
        this.userTransaction = userTransaction;
        this.resourceLocal = List.copyOf(resourceLocal);
    }

    /** Begins the transaction in the context open on this thread. */
    static TestTransaction begin(ForkscopeRuntime runtime) throws Exception {
        Objects.requireNonNull(runtime, "runtime");
        Object jta = userTransaction();
        if (jta != null) {
            jta.getClass().getMethod("begin").invoke(jta);
            return new TestTransaction(jta, List.of());
        }
        List<EntityManager> begun = new ArrayList<>();
        for (String unit : runtime.unitNames()) {
            EntityManager fork = runtime.currentEntityManager(unit).orElseThrow();
            try {
                fork.getTransaction().begin();
                begun.add(fork);
            } catch (IllegalStateException jtaUnit) {
                // a JTA unit where no UserTransaction is bound: nothing to begin on it
            }
        }
        return new TestTransaction(null, begun);
    }

    /**
     * Flushes, as a commit would, so that a constraint the test's changes break fails the test, then
     * rolls everything back; the forks are cleared, so that nothing rolled back looks discarded when
     * they close.
     */
    void rollback() throws Exception {
        RuntimeException flushFailed = null;
        for (EntityManager fork : resourceLocal) {
            try {
                if (fork.getTransaction().isActive() && !fork.getTransaction().getRollbackOnly()) {
                    fork.flush();
                }
            } catch (RuntimeException e) {
                flushFailed = flushFailed == null ? e : flushFailed;
            } finally {
                if (fork.getTransaction().isActive()) {
                    fork.getTransaction().rollback();
                }
                fork.clear();
            }
        }
        if (userTransaction != null) {
            userTransaction.getClass().getMethod("rollback").invoke(userTransaction);
        }
        if (flushFailed != null) {
            throw flushFailed;
        }
    }

    private static Object userTransaction() {
        try {
            return new InitialContext().lookup(USER_TRANSACTION);
        } catch (NamingException | RuntimeException noJndi) {
            return null;
        }
    }
}
