package io.github.forkscope.cdi;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Objects;

/**
 * The container's JTA services, looked up once from {@code java:comp}: the synchronization
 * registry tells whether a transaction is active, the user transaction begins and ends the ones
 * {@code Forkscope.transactional} owns. Thread-safe, as the container's objects are.
 */
final class Jta {

    private final TransactionSynchronizationRegistry registry;
    private final UserTransaction userTransaction;

    private Jta(TransactionSynchronizationRegistry registry, UserTransaction userTransaction) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.userTransaction = Objects.requireNonNull(userTransaction, "userTransaction");
    }

    static Jta lookup(String unit) {
        try {
            InitialContext naming = new InitialContext();
            return new Jta((TransactionSynchronizationRegistry) naming.lookup("java:comp/TransactionSynchronizationRegistry"),
                    (UserTransaction) naming.lookup("java:comp/UserTransaction"));
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException(Messages.jtaUnavailable(unit), e);
        }
    }

    boolean active() {
        return registry.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    UserTransaction userTransaction() {
        return userTransaction;
    }

    int status() {
        return registry.getTransactionStatus();
    }
}
