package io.github.forkscope.cdi;

import io.github.forkscope.cdi.provider.ProviderSupport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A started persistence unit: its factory, its position among the application's units (forks
 * are kept in an array indexed by it), how it runs transactions, and the pool Forkscope opened
 * for it in Java SE, if any. A factory the container owns is never closed by Forkscope; one that
 * is found through JNDI is looked up on first use, from a thread that has the component's naming
 * context.
 * Immutable and thread-safe; {@link #close()} is called once, at shutdown.
 */
final class ManagedUnit implements AutoCloseable {

    private final String name;
    private final int index;
    private final Supplier<EntityManagerFactory> factory;
    private final Jta jta;
    private final AutoCloseable pool;
    private final boolean ownsFactory;
    private volatile ProviderSupport provider;

    ManagedUnit(String name, int index, Supplier<EntityManagerFactory> factory, Jta jta, AutoCloseable pool,
                boolean ownsFactory) {
        this.name = Objects.requireNonNull(name, "name");
        this.index = index;
        this.factory = Objects.requireNonNull(factory, "factory");
        this.jta = jta;
        this.pool = pool;
        this.ownsFactory = ownsFactory;
    }

    String name() {
        return name;
    }

    int index() {
        return index;
    }

    EntityManagerFactory factory() {
        return factory.get();
    }

    /** The pool Forkscope opened for this unit, or null when the provider manages connections. */
    Object pool() {
        return pool;
    }

    boolean resourceLocal() {
        return jta == null;
    }

    /** What the guard rails can read from this unit's provider, told from its first EntityManager. */
    ProviderSupport provider(EntityManager em) {
        ProviderSupport support = provider;
        if (support == null) {
            support = ProviderSupport.of(em);
            provider = support;
        }
        return support;
    }

    EntityManager createFork() {
        return factory.get().createEntityManager();
    }

    /** The container's JTA services, or null for a resource-local unit. */
    Jta jta() {
        return jta;
    }

    /** The key of the calling thread's JTA transaction, or null when there is none or the unit is resource-local. */
    Object transactionKey() {
        return jta == null ? null : jta.transactionKey();
    }

    /** A transaction on a short-lived EntityManager of this unit, which joins the JTA transaction it runs in. */
    UnitTransaction transaction(EntityManager em) {
        if (jta == null) {
            return new ResourceLocalTransaction(em);
        }
        if (jta.active()) {
            em.joinTransaction();
        }
        return new JtaTransaction(jta, em, em::joinTransaction);
    }

    @Override
    public void close() throws Exception {
        try {
            if (ownsFactory) {
                factory.get().close();
            }
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
