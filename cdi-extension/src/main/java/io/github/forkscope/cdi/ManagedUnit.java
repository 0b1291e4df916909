package io.github.forkscope.cdi;

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

    /** Joins the fork to the active JTA transaction, if there is one and it has not joined yet. */
    EntityManager joined(EntityManager fork) {
        if (jta != null && jta.active() && !fork.isJoinedToTransaction()) {
            fork.joinTransaction();
        }
        return fork;
    }

    UnitTransaction transaction(EntityManager em) {
        return jta == null ? new ResourceLocalTransaction(em) : new JtaTransaction(jta, em);
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
