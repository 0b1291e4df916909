package io.github.forkscope.cdi;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Objects;

/**
 * The container's JTA services for one JTA unit, looked up from {@code java:comp} on first use
 * (a request thread, where the component's naming context is there): the synchronization
 * registry tells whether a transaction is active, the user transaction begins and ends the ones
 * {@code Forkscope.transactional} owns. Thread-safe: a racing second lookup finds the same
 * objects.
 */
final class Jta {

    private final String unit;
    private volatile TransactionSynchronizationRegistry registry;
    private volatile UserTransaction userTransaction;

    Jta(String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    boolean active() {
        return status() == Status.STATUS_ACTIVE;
    }

    int status() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            r = lookup(TransactionSynchronizationRegistry.class, "java:comp/TransactionSynchronizationRegistry");
            registry = r;
        }
        return r.getTransactionStatus();
    }

    UserTransaction userTransaction() {
        UserTransaction t = userTransaction;
        if (t == null) {
            t = lookup(UserTransaction.class, "java:comp/UserTransaction");
            userTransaction = t;
        }
        return t;
    }

    private <T> T lookup(Class<T> type, String name) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException(Messages.jtaUnavailable(unit), e);
        }
    }
}
