package io.github.forkscope.cdi;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;

/**
 * The container's JTA services, shared by the application's JTA units: the synchronization
 * registry tells which transaction is active on the calling thread and reports its completion, the
 * user transaction begins and ends the ones {@code Forkscope.transactional} owns. They are
 * {@link #resolve() resolved at deployment}, on the container's deployment thread, so that a plain
 * thread can be a unit's first user; where the component namespace is not there at that moment,
 * the servers' global names are tried, and failing all of them the services are looked up again
 * on first use. Thread-safe: a racing second lookup finds the same objects.
 */
final class Jta {

    private static final List<String> REGISTRY_NAMES = List.of("java:comp/TransactionSynchronizationRegistry",
            "java:jboss/TransactionSynchronizationRegistry", "java:appserver/TransactionSynchronizationRegistry");
    private static final List<String> USER_TRANSACTION_NAMES = List.of("java:comp/UserTransaction",
            "java:jboss/UserTransaction", "java:appserver/UserTransaction");

    private final String unit;
    private volatile TransactionSynchronizationRegistry registry;
    private volatile UserTransaction userTransaction;

    Jta(String unit) {
        this.unit = java.util.Objects.requireNonNull(unit, "unit");
    }

    /** Looks the services up now; a failure is left for the first use to report, with its cause. */
    Jta resolve() {
        try {
            registry();
            userTransaction();
        } catch (IllegalStateException notHereYet) {
            // reported with FORKSCOPE-012 when the unit is first used
        }
        return this;
    }

    /** The key of the transaction associated with the calling thread, or null when there is none. */
    Object transactionKey() {
        return registry().getTransactionKey();
    }

    /** Whether the thread's transaction can still take work: it is neither marked for rollback nor completing. */
    boolean active() {
        return registry().getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    int status() {
        return registry().getTransactionStatus();
    }

    /** Runs {@code afterCompletion} when the thread's transaction ends, whichever way and on whichever thread. */
    void onCompletion(Synchronization synchronization) {
        registry().registerInterposedSynchronization(synchronization);
    }

    /** Marks the thread's transaction so that it can only roll back. */
    void setRollbackOnly() {
        registry().setRollbackOnly();
    }

    UserTransaction userTransaction() {
        UserTransaction t = userTransaction;
        if (t == null) {
            t = lookup(UserTransaction.class, USER_TRANSACTION_NAMES);
            userTransaction = t;
        }
        return t;
    }

    private TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            r = lookup(TransactionSynchronizationRegistry.class, REGISTRY_NAMES);
            registry = r;
        }
        return r;
    }

    private <T> T lookup(Class<T> type, List<String> names) {
        Exception first = null;
        for (String name : names) {
            try {
                return type.cast(new InitialContext().lookup(name));
            } catch (NamingException | RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw Messages.jtaUnavailable(unit, first);
    }
}
