package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;

/**
 * One Forkscope context: the forks it created, one slot per persistence unit, filled on first
 * use. A frame is the base context of a CDI request context, or a CREATE frame opened inside one
 * that hides its {@link #outer()} frame until it ends. Not thread-safe: a context belongs to one
 * unit of work, which runs on one thread at a time.
 */
final class Frame {

    private static final System.Logger LOG = System.getLogger(Frame.class.getName());

    private final List<ManagedUnit> units;
    private final EntityManager[] forks;
    private final Frame outer;

    Frame(List<ManagedUnit> units, Frame outer) {
        this.units = Objects.requireNonNull(units, "units");
        this.forks = new EntityManager[units.size()];
        this.outer = outer;
    }

    Frame outer() {
        return outer;
    }

    EntityManager fork(ManagedUnit unit) {
        EntityManager fork = forks[unit.index()];
        if (fork == null) {
            fork = unit.createFork();
            forks[unit.index()] = fork;
        }
        return fork;
    }

    /**
     * Closes every fork without flushing. A resource-local transaction left open is rolled back
     * first, so that its connection goes back to the pool; a failure on one fork is logged and
     * does not keep the others open.
     */
    void close() {
        for (int i = 0; i < forks.length; i++) {
            EntityManager fork = forks[i];
            if (fork == null) {
                continue;
            }
            forks[i] = null;
            ManagedUnit unit = units.get(i);
            try {
                if (unit.resourceLocal() && fork.getTransaction().isActive()) {
                    fork.getTransaction().rollback();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, Messages.rollbackFailed(unit.name()), e);
            } finally {
                closeQuietly(unit, fork);
            }
        }
    }

    private static void closeQuietly(ManagedUnit unit, EntityManager fork) {
        try {
            if (fork.isOpen()) {
                fork.close();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, Messages.closeFailed(unit.name()), e);
        }
    }
}
