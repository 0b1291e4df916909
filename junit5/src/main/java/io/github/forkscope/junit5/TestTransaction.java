package io.github.forkscope.junit5;

import io.github.forkscope.spi.ForkInfo;
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
    /** {@code jakarta.transaction.Status.STATUS_ACTIVE}: neither marked for rollback nor ending. */
    private static final int STATUS_ACTIVE = 0;

    private final ForkscopeRuntime runtime;
    private final Object userTransaction;
    private final List<EntityManager> resourceLocal;

    private TestTransaction(ForkscopeRuntime runtime, Object userTransaction, List<EntityManager> resourceLocal) {
        this.runtime = runtime;
        this.userTransaction = userTransaction;
        this.resourceLocal = List.copyOf(resourceLocal);
    }

    /** Begins the transaction in the context open on this thread. */
    static TestTransaction begin(ForkscopeRuntime runtime) throws Exception {
        Objects.requireNonNull(runtime, "runtime");
        Object jta = userTransaction();
        if (jta != null) {
            jta.getClass().getMethod("begin").invoke(jta);
            return new TestTransaction(runtime, jta, List.of());
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
        return new TestTransaction(runtime, null, begun);
    }

    /**
     * Flushes, as a commit would, so that a constraint the test's changes break fails the test, then
     * rolls everything back; the resource-local forks are cleared, so that nothing rolled back looks
     * discarded when they close (a JTA rollback detaches their entities itself).
     */
    void rollback() throws Exception {
        RuntimeException flushFailed = null;
        if (userTransaction != null) {
            boolean active = (Integer) userTransaction.getClass().getMethod("getStatus").invoke(userTransaction) == STATUS_ACTIVE;
            for (EntityManager fork : active ? joinedForks() : List.<EntityManager>of()) {
                flushFailed = flush(fork, flushFailed);
            }
            userTransaction.getClass().getMethod("rollback").invoke(userTransaction);
        }
        for (EntityManager fork : resourceLocal) {
            try {
                if (fork.getTransaction().isActive() && !fork.getTransaction().getRollbackOnly()) {
                    flushFailed = flush(fork, flushFailed);
                }
            } finally {
                if (fork.getTransaction().isActive()) {
                    fork.getTransaction().rollback();
                }
                fork.clear();
            }
        }
        if (flushFailed != null) {
            throw flushFailed;
        }
    }

    /** The forks of the test's context that joined the JTA transaction; asking creates none. */
    private List<EntityManager> joinedForks() {
        List<EntityManager> joined = new ArrayList<>();
        runtime.currentContext().ifPresent(context -> context.forks().stream().filter(ForkInfo::open).map(ForkInfo::unit)
                .distinct().map(unit -> runtime.currentEntityManager(unit).orElseThrow())
                .filter(EntityManager::isJoinedToTransaction).forEach(joined::add));
        return joined;
    }

    /** Flushes the fork; answers the first failure of the rollback so far. */
    private static RuntimeException flush(EntityManager fork, RuntimeException firstFailure) {
        try {
            fork.flush();
            return firstFailure;
        } catch (RuntimeException e) {
            return firstFailure == null ? e : firstFailure;
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
