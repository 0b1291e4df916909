package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.spi.ForkInfo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fork: the provider's EntityManager of one unit in one context, with the guard rails every
 * call passes through. A call {@link #enter enters} the fork and {@link #exit exits} it; entering
 * checks that the context is still open, claims the fork for the calling thread, and joins the
 * thread's JTA transaction if the fork belongs to none. The claim is a compare-and-set, so two
 * threads never both get in: the second gets {@code FORKSCOPE-101}; after the context has ended,
 * every call fails with {@code FORKSCOPE-102}. A close that finds another thread inside (an async
 * timeout while a task is mid-query) is handed to that thread, which closes the provider's
 * EntityManager as its call exits; the claim then closing flag handshake (both volatile) makes sure
 * that one of the two always sees the other. A fork belongs to one {@link Section} of its context
 * for its whole life, and to one transaction at a time, from its join until that transaction
 * completes; it is closed by the end of its section or its context. After a rollback, the
 * entities it held are watched by the {@link RollbackGuard}. When the last call of a thread exits, the owner is
 * released and, now and then, the identity map is measured against
 * {@code forkscope.max-managed-entities}. Closing warns about changes that are discarded. The
 * owner, transaction and closed fields make it safe to share between threads; everything else is
 * touched only by the thread that owns it.
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
    private final Section section;
    private final Guards guards;
    /** The identity map is measured on every 64th call (a mask for the call counter), and when the fork closes. */
    private static final int GROWTH_CHECK_MASK = 63;

    @SuppressWarnings("unused") // accessed through OWNER
    private Thread owner;
    /** The key of the JTA transaction the fork has joined, until that transaction completes; null when none. */
    private volatile Object transaction;
    private int calls;
    private volatile boolean closed;
    /** Whether the close is a transaction's end, whose outcome decided the changes, rather than the context's. */
    private volatile boolean closedByTransaction;
    /** Set by the thread that ends the provider's EntityManager, which owns the fork then, so that it happens once. */
    private boolean ended;
    /** Entities the fork held when it joined its transaction, which a rollback detaches; null when none. */
    private List<Object> heldAtJoin;
    /** Entities detached by a rollback, watched for changes nothing saves; null until a rollback detached some. */
    private RollbackGuard rollback;
    private int depth;
    private boolean growthReported;
    private PinnedEntityManager view;
    /** The ghost-flush guard of the transaction the fork has joined, when it held changes then; else null. */
    private GhostFlushGuard ghostFlush;

    Fork(EntityManager em, ManagedUnit unit, Section section, Guards guards) {
        this.em = Objects.requireNonNull(em, "em");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.section = Objects.requireNonNull(section, "section");
        this.guards = Objects.requireNonNull(guards, "guards");
    }

    ManagedUnit unit() {
        return unit;
    }

    Context context() {
        return section.context;
    }

    /** The section of the context's transaction stack that the fork belongs to. */
    Section section() {
        return section;
    }

    Guards guards() {
        return guards;
    }

    /** The provider's EntityManager, for the thread that has entered the fork. */
    EntityManager em() {
        return em;
    }

    /** The EntityManager that application code may hold: it passes every call through this fork. */
    EntityManager view(Contexts contexts) {
        if (view == null) {
            view = new PinnedEntityManager(this, contexts);
        }
        return view;
    }

    boolean closed() {
        return closed;
    }

    /** What the fork is, for messages: its context, or the section of it that it serves. */
    String description() {
        return section.kind == Section.Kind.CONTEXT ? "opened by " + section.context.origin() : "the fork of " + section.description();
    }

    /** The key of the JTA transaction the fork belongs to, or null. */
    Object transaction() {
        return transaction;
    }

    /**
     * Enters the fork for one call: the open check, the thread claim, and the transaction join,
     * in that order. A join that fails releases the claim before the failure propagates.
     *
     * @param key the key of the calling thread's JTA transaction, or null when there is none or
     *            the unit is resource-local
     */
    Fork enter(String method, Object key) {
        if (closed) {
            throw useAfterClose(method);
        }
        claim(method);
        if (closed) {
            exit(); // the context ended between the check and the claim: the exit finishes its close
            throw useAfterClose(method);
        }
        if (key != null && transaction == null) {
            try {
                join(key);
            } catch (RuntimeException | Error e) {
                exit();
                throw e;
            }
        }
        return this;
    }

    /** {@code FORKSCOPE-102}, naming what ended: the context, or only the section the fork belonged to. */
    private IllegalStateException useAfterClose(String method) {
        guards.metrics.useAfterCloseTrips.increment();
        return section.context.closed() ? Messages.useAfterClose(method, unit.name(), section.context.origin())
                : Messages.useAfterSectionEnd(method, unit.name(), section.description());
    }

    /** Claims the fork for the calling thread: a thread already inside passes again, any other is refused. */
    private void claim(String method) {
        if (guards.threads) {
            Thread me = Thread.currentThread();
            if (OWNER.getOpaque(this) != me && !OWNER.compareAndSet(this, null, me)) {
                guards.metrics.concurrentUseTrips.increment();
                throw Messages.concurrentUse(method, me, (Thread) OWNER.getOpaque(this), section.context.origin());
            }
        }
        depth++;
    }

    /**
     * Joins the thread's active transaction and registers for its completion, which frees the fork
     * again. A transaction marked for rollback is not joined: its section keeps the fork from any
     * other transaction, and its end throws the changes away with {@code FORKSCOPE-109}.
     */
    private void join(Object key) {
        Jta jta = unit.jta();
        if (!jta.active()) {
            return;
        }
        jta.onCompletion(new Completion(key));
        em.joinTransaction();
        transaction = key;
        transactionBegins();
    }

    /**
     * A transaction that this fork takes part in begins: what it already holds is watched for the
     * ghost flush, and noted for the rollback guard.
     */
    void transactionBegins() {
        ghostFlush = GhostFlushGuard.watch(this);
        heldAtJoin = managedEntities() > 0 ? unit.provider(em).managedInstances(em) : null;
    }

    /**
     * The fork's transaction is rolling back, or has: the entities it held, when it joined and now
     * if the provider has not cleared them yet, are detached, and watched by the rollback guard.
     */
    void rolledBack() {
        List<Object> held = heldAtJoin;
        heldAtJoin = null;
        List<Object> now = closed ? List.of() : unit.provider(em).managedInstances(em);
        if ((held == null || held.isEmpty()) && now.isEmpty()) {
            return;
        }
        if (rollback == null) {
            rollback = new RollbackGuard();
        }
        Metamodel metamodel = unit.factory().getMetamodel();
        if (held != null) {
            rollback.rolledBack(metamodel, held);
        }
        rollback.rolledBack(metamodel, now);
    }

    /** Reports entities a rollback detached that were changed since, as the fork commits or closes. */
    private void checkDetached() {
        RollbackGuard watching = rollback;
        if (watching != null && watching.watching()) {
            watching.check(this, unit.factory().getMetamodel());
        }
    }

    /**
     * The section's transaction, marked for rollback before the fork could join it, is over: what
     * the fork holds is thrown away as a rollback would, with {@code FORKSCOPE-109} for the changes.
     */
    void doomed(Section doomed) {
        if (closed || !tryEnter()) {
            return;
        }
        try {
            reportDoomed(doomed);
            if (managedEntities() != 0) {
                rolledBack();
                em.clear();
            }
        } finally {
            exit();
        }
    }

    /** An entity that code inside the transaction handed to the EntityManager, so its changes are that code's own. */
    void handedOver(Object entity) {
        GhostFlushGuard watching = ghostFlush;
        if (watching != null && entity != null) {
            watching.claim(entity);
        }
    }

    /**
     * The transaction is about to commit: reports the changes made before it that it would write
     * ({@code FORKSCOPE-107}), and in {@code fail} mode throws, for the transaction to be rolled back.
     */
    void beforeCommit() {
        checkDetached();
        GhostFlushGuard watched = ghostFlush;
        ghostFlush = null;
        if (watched != null) {
            watched.beforeCommit(this);
        }
    }

    void exit() {
        if (--depth == 0) {
            try {
                if ((++calls & GROWTH_CHECK_MASK) == 0) {
                    checkGrowth();
                }
            } finally {
                if (guards.threads) {
                    OWNER.setVolatile(this, null);
                    if (closed) {
                        endIfFree();
                    }
                }
            }
        }
    }

    /** Enters the fork only if no other thread is inside it; for reads made on behalf of another fork. */
    boolean tryEnter() {
        if (closed) {
            return false;
        }
        if (guards.threads) {
            Thread me = Thread.currentThread();
            if (OWNER.getOpaque(this) != me && !OWNER.compareAndSet(this, null, me)) {
                return false;
            }
        }
        depth++;
        return true;
    }

    /** Asks the provider's persistence context directly: unlike {@code contains}, this never joins a transaction. */
    boolean manages(Object entity) {
        return unit.provider(em).manages(em, entity);
    }

    Map<String, Integer> pendingChanges() {
        return unit.provider(em).pendingChanges(em);
    }

    Map<Object, String> pendingEntities() {
        return unit.provider(em).pendingEntities(em);
    }

    /** What the fork holds, asked only if no other thread is inside it. */
    ForkInfo info() {
        if (!tryEnter()) {
            return new ForkInfo(unit.name(), !closed, closed ? 0 : -1);
        }
        try {
            return new ForkInfo(unit.name(), true, managedEntities());
        } finally {
            exit();
        }
    }

    long managedEntities() {
        return unit.provider(em).managedEntities(em);
    }

    private void checkGrowth() {
        if (!growthReported && IdentityMapGuard.enabled(this)) {
            growthReported = IdentityMapGuard.check(this, managedEntities());
        }
    }

    /**
     * Ends the fork without flushing: at once, or, when another thread is inside a call, as that
     * call exits. Changes that were neither flushed nor left to a JTA transaction are reported
     * first; a resource-local transaction still open is rolled back, so that its connection goes
     * back to the pool.
     */
    void close(boolean byTransaction) {
        if (byTransaction) {
            closedByTransaction = true;
        }
        closed = true;
        if (guards.threads) {
            endIfFree(); // fails while a thread is inside, this one included: its exit ends the fork
        } else {
            end();
        }
    }

    /** Ends the provider's EntityManager if no thread is inside the fork; the thread inside does it otherwise. */
    private void endIfFree() {
        if (OWNER.compareAndSet(this, null, Thread.currentThread())) {
            try {
                end();
            } finally {
                OWNER.setVolatile(this, null);
            }
        }
    }

    /** Runs once, on the thread that owns the fork, or on the closing thread when the thread guard is off. */
    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            inspectBeforeClose(!closedByTransaction);
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
    private void inspectBeforeClose(boolean inspect) {
        long managed = managedEntities();
        if (!growthReported) {
            growthReported = IdentityMapGuard.check(this, managed);
        }
        guards.metrics.largestIdentityMap.accumulate(managed);
        boolean leftToJta = transaction != null;
        if (!leftToJta && managed != 0) {
            if (inspect) {
                DiscardedChangesGuard.check(this);
            } else {
                reportDoomed(section); // a transaction's own fork that never joined it: marked for rollback first
            }
        }
        checkDetached();
    }

    /** {@code FORKSCOPE-109} for the changes a transaction marked for rollback throws away. */
    private void reportDoomed(Section doomed) {
        Map<String, Integer> changes = pendingChanges();
        if (!changes.isEmpty()) {
            guards.metrics.doomedChangesWarnings.increment();
            LOG.log(System.Logger.Level.WARNING, Messages.doomedChanges(unit.name(), changes, doomed.description()));
        }
    }

    /**
     * The end of the transaction the fork joined, which may run on another thread (a transaction
     * timeout): the fork belongs to no transaction again, and after a rollback the entities it held
     * are watched by the rollback guard. The fork is closed only by the end of its section.
     */
    private final class Completion implements Synchronization {

        private final Object key;

        Completion(Object key) {
            this.key = key;
        }

        @Override
        public void beforeCompletion() {
            try {
                beforeCommit();
            } catch (IllegalStateException ghostFlushInFailMode) {
                unit.jta().setRollbackOnly();
                throw ghostFlushInFailMode;
            }
        }

        @Override
        public void afterCompletion(int status) {
            ghostFlush = null;
            if (key.equals(transaction)) {
                transaction = null;
            }
            if (status == Status.STATUS_COMMITTED || !tryEnter()) {
                heldAtJoin = null;
                return;
            }
            try {
                rolledBack();
            } finally {
                exit();
            }
        }
    }
}
