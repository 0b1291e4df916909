package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import jakarta.persistence.EntityManager;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Objects;

/**
 * One fork: the provider's EntityManager of one unit in one context, with the guard rails every
 * call passes through. A call {@link #enter enters} the fork and {@link #exit exits} it; while a
 * thread is inside, another thread's call fails with {@code FORKSCOPE-101}; after the context has
 * ended, every call fails with {@code FORKSCOPE-102}. When the last call of a thread exits, the
 * identity map is measured against {@code forkscope.max-managed-entities}. Closing warns about
 * changes that are discarded. The owner field makes it safe to share between threads; everything
 * else is touched only by the owning thread.
 */
final class Fork {

    private static final System.Logger LOG = System.getLogger(Fork.class.getName());
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(Fork.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EntityManager em;
    private final ManagedUnit unit;
    private final Frame frame;
    private final Guards guards;
    /** The identity map is measured on every 64th call (a mask for the call counter), and when the fork closes. */
    private static final int GROWTH_CHECK_MASK = 63;

    @SuppressWarnings("unused") // accessed through OWNER
    private Thread owner;
    private int calls;
    private volatile boolean closed;
    private int depth;
    private boolean growthReported;
    private PinnedEntityManager view;

    Fork(EntityManager em, ManagedUnit unit, Frame frame, Guards guards) {
        this.em = Objects.requireNonNull(em, "em");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.frame = Objects.requireNonNull(frame, "frame");
        this.guards = Objects.requireNonNull(guards, "guards");
    }

    ManagedUnit unit() {
        return unit;
    }

    Frame frame() {
        return frame;
    }

    Guards guards() {
        return guards;
    }

    /** The provider's EntityManager, for the thread that has entered the fork. */
    EntityManager em() {
        return em;
    }

    /** The EntityManager that application code may hold: it passes every call through this fork. */
    EntityManager view() {
        if (view == null) {
            view = new PinnedEntityManager(this);
        }
        return view;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Marks the fork as in use by the calling thread. The owner is written and read with opaque
     * access, which costs no fence on the hot path: a thread that calls while another is inside a
     * call is refused, while two calls that start in the very same instant may both pass.
     */
    Fork enter(String method) {
        if (closed) {
            guards.metrics.useAfterCloseTrips.increment();
            throw new IllegalStateException(Messages.useAfterClose(method, unit.name(), frame.origin()));
        }
        if (!guards.threads) {
            depth++;
            unit.joined(em);
            return this;
        }
        Thread me = Thread.currentThread();
        Thread current = (Thread) OWNER.getOpaque(this);
        if (current == me) {
            depth++;
        } else if (current == null) {
            OWNER.setOpaque(this, me);
            depth = 1;
        } else {
            guards.metrics.concurrentUseTrips.increment();
            throw new ConcurrentForkUseException(Messages.concurrentUse(method, me, current, frame.origin()));
        }
        unit.joined(em);
        return this;
    }

    void exit() {
        if (--depth == 0) {
            if ((++calls & GROWTH_CHECK_MASK) == 0) {
                checkGrowth();
            }
            OWNER.setOpaque(this, null);
        }
    }

    /** Enters the fork only if no other thread is inside it; for reads made on behalf of another fork. */
    boolean tryEnter() {
        Thread me = Thread.currentThread();
        if (closed || !(OWNER.getOpaque(this) == me || OWNER.compareAndSet(this, null, me))) {
            return false;
        }
        depth++;
        return true;
    }

    boolean manages(Object entity) {
        try {
            return em.contains(entity);
        } catch (IllegalArgumentException notAnEntity) {
            return false;
        }
    }

    Map<String, Integer> pendingChanges() {
        return unit.provider(em).pendingChanges(em);
    }

    private void checkGrowth() {
        if (!growthReported && guards.maxManagedEntities != 0) {
            checkGrowth(unit.provider(em).managedEntities(em));
        }
    }

    private void checkGrowth(long managed) {
        if (!growthReported && guards.maxManagedEntities != 0 && managed > guards.maxManagedEntities) {
            growthReported = true;
            guards.metrics.identityMapWarnings.increment();
            guards.metrics.largestIdentityMap.accumulate(managed);
            LOG.log(System.Logger.Level.WARNING, Messages.identityMapGrowth(unit.name(), managed,
                    guards.maxManagedEntities, frame.origin()));
        }
    }

    /**
     * Ends the fork without flushing. Changes that were neither flushed nor left to a JTA
     * transaction are reported first; a resource-local transaction still open is rolled back, so
     * that its connection goes back to the pool.
     */
    void close() {
        closed = true;
        try {
            inspectBeforeClose();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, Messages.closeFailed(unit.name()), e);
        }
        try {
            if (unit.resourceLocal() && em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, Messages.rollbackFailed(unit.name()), e);
        } finally {
            try {
                if (em.isOpen()) {
                    em.close();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, Messages.closeFailed(unit.name()), e);
            }
        }
    }

    /** The identity-map and discarded-changes guards; a failure here never keeps the rollback from running. */
    private void inspectBeforeClose() {
        long managed = unit.provider(em).managedEntities(em);
        checkGrowth(managed);
        guards.metrics.largestIdentityMap.accumulate(managed);
        boolean leftToJta = !unit.resourceLocal() && em.isJoinedToTransaction();
        if (!leftToJta && managed != 0) {
            reportDiscardedChanges();
        }
    }

    private void reportDiscardedChanges() {
        if (!guards.discardedChanges) {
            return;
        }
        Map<String, Integer> changes = pendingChanges();
        if (!changes.isEmpty()) {
            guards.metrics.discardedChangesWarnings.increment();
            LOG.log(System.Logger.Level.WARNING, Messages.discardedChanges(unit.name(), changes, frame.origin()));
        }
    }
}
