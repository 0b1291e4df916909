package io.github.forkscope.cdi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Forkscope context: its forks, and where it was opened, for the messages of the guard rails.
 * A context is the base context of a CDI request context, a CREATE context opened inside one that
 * hides its {@link #outer()} context until it ends, or the global context.
 *
 * <p>Each unit has one fork per context, created on first use, and it belongs to one JTA
 * transaction at a time. A call made while that fork belongs to another transaction, one that is
 * suspended ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED}), reaches a fork of the context opened for
 * the calling thread's transaction, or for calls outside any transaction: the first kind is closed
 * when its transaction completes, the second when the context ends. So a change commits with the
 * transaction it was made in and with no other.
 *
 * <p>Thread-safe: a context belongs to one unit of work, but tasks that Jakarta Concurrency runs in
 * it reach it from other threads, so forks are created under the context's lock and read without
 * it once published; the forks guard themselves against a second thread inside. Once the context
 * has ended it opens no fork again: a call fails with {@code FORKSCOPE-102}. Tasks running in it
 * are counted, so that the end of an async cycle can wait for the last of them.
 */
final class Context {

    private static final String JOIN = "the start of a JTA transaction";
    private static final VarHandle FORKS = MethodHandles.arrayElementVarHandle(Fork[].class);

    private final List<ManagedUnit> units;
    private final Guards guards;
    private final Fork[] forks;
    /** Forks opened while a unit's own fork belonged to a suspended transaction; null until there is one. */
    private List<Fork> transactionForks;
    private final Context outer;
    private final Object openedBy;
    private final String thread;
    private final boolean counted;
    private volatile boolean closed;
    /** Tasks running in the context on other threads; guarded by {@code this}. */
    private int tasks;
    /** Whether the context ends when its last task does; guarded by {@code this}. */
    private boolean endWithLastTask;

    /**
     * @param openedBy what opened the context: a method, or a short description
     * @param counted  whether the context counts in the metrics (the global context does not)
     */
    Context(List<ManagedUnit> units, Guards guards, Context outer, Object openedBy, boolean counted) {
        this.units = Objects.requireNonNull(units, "units");
        this.guards = Objects.requireNonNull(guards, "guards");
        this.forks = new Fork[units.size()];
        this.outer = outer;
        this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
        this.thread = Thread.currentThread().getName();
        this.counted = counted;
        if (counted) {
            guards.metrics.contextsOpened.increment();
        }
    }

    Context outer() {
        return outer;
    }

    /** Where the context was opened, for messages: built only when one is needed. */
    String origin() {
        String by = openedBy instanceof java.lang.reflect.Method method
                ? "@RequestContextual on " + method.getDeclaringClass().getName() + "." + method.getName() + "()"
                : openedBy.toString();
        return by + " on thread \"" + thread + "\"";
    }

    /**
     * The fork a call on the unit reaches, created if needed: the one that belongs to the
     * transaction {@code key} (null: no transaction), else one that belongs to none and will join it.
     *
     * @param method the call, named in the error when the context has ended
     */
    Fork fork(ManagedUnit unit, Object key, String method) {
        Fork own = (Fork) FORKS.getAcquire(forks, unit.index());
        if (own != null) {
            Object joined = own.transaction();
            if (joined == null || joined.equals(key)) {
                return own;
            }
        }
        return forkLocked(unit, key, method);
    }

    private synchronized Fork forkLocked(ManagedUnit unit, Object key, String method) {
        if (closed) {
            guards.metrics.useAfterCloseTrips.increment();
            throw Messages.useAfterClose(method, unit.name(), origin());
        }
        Fork own = forks[unit.index()];
        if (own == null) {
            own = open(unit, true);
            FORKS.setRelease(forks, unit.index(), own);
            return own;
        }
        if (own.transaction() == null || own.transaction().equals(key)) {
            return own;
        }
        Fork other = transactionFork(unit, key);
        return other != null ? other : open(unit, false);
    }

    private Fork transactionFork(ManagedUnit unit, Object key) {
        if (transactionForks == null) {
            return null;
        }
        transactionForks.removeIf(Fork::closed);
        Fork free = null;
        for (Fork fork : transactionForks) {
            if (fork.unit() != unit) {
                continue;
            }
            Object joined = fork.transaction();
            if (joined == null ? key == null : joined.equals(key)) {
                return fork;
            }
            if (joined == null && free == null) {
                free = fork;
            }
        }
        return key == null ? null : free;
    }

    private Fork open(ManagedUnit unit, boolean primary) {
        Fork fork = new Fork(unit.createFork(), unit, this, guards, primary);
        guards.metrics.forksCreated.increment();
        if (!primary) {
            if (transactionForks == null) {
                transactionForks = new ArrayList<>(2);
            }
            transactionForks.add(fork);
        }
        return fork;
    }

    /**
     * Joins the transaction that has just begun on this thread with every live fork of the context
     * that belongs to no transaction, so that an entity loaded before it and only changed by setters
     * inside it is written at its commit. Forks that do not exist yet join on their first call.
     */
    synchronized void joinTransaction() {
        for (ManagedUnit unit : units) {
            Fork own = forks[unit.index()];
            if (own == null || unit.resourceLocal()) {
                continue;
            }
            Object key = unit.transactionKey();
            if (key == null) {
                continue;
            }
            Fork fork = own.transaction() == null ? own : transactionFork(unit, key);
            if (fork != null && fork.transaction() == null) {
                fork.enter(JOIN, key).exit();
            }
        }
    }

    /** The context's own fork of a unit if it has created one, without creating it. */
    Fork existingFork(ManagedUnit unit) {
        return (Fork) FORKS.getAcquire(forks, unit.index());
    }

    /** The context's other live forks, those opened for single transactions, of every unit: a copy. */
    synchronized List<Fork> transactionForks() {
        return transactionForks == null ? List.of() : List.copyOf(transactionForks);
    }

    boolean closed() {
        return closed;
    }

    /** The context's forks that exist now, its own and those of single transactions. */
    synchronized List<Fork> forks() {
        List<Fork> all = new ArrayList<>(transactionForks());
        for (Fork fork : forks) {
            if (fork != null) {
                all.add(fork);
            }
        }
        return all;
    }

    /** A task begins to run in the context on another thread; false when the context has ended. */
    synchronized boolean taskBegins() {
        if (closed) {
            return false;
        }
        tasks++;
        return true;
    }

    /** A task that {@link #taskBegins began} is over; the last one ends a context whose end waited for it. */
    void taskEnds() {
        boolean last;
        synchronized (this) {
            last = --tasks == 0 && endWithLastTask;
        }
        if (last) {
            close();
        }
    }

    /** Ends the context now, or, while tasks run in it, when the last of them is over. */
    void closeAfterTasks() {
        synchronized (this) {
            if (tasks > 0) {
                endWithLastTask = true;
                return;
            }
        }
        close();
    }

    /** Closes every fork, each at once or as the thread inside it exits; the context opens no fork again. */
    void close() {
        List<Fork> ending = new ArrayList<>(forks.length);
        synchronized (this) {
            if (counted && !closed) {
                guards.metrics.contextsClosed.increment();
            }
            closed = true;
            for (int i = 0; i < forks.length; i++) {
                if (forks[i] != null) {
                    ending.add(forks[i]);
                    FORKS.setRelease(forks, i, null);
                }
            }
            if (transactionForks != null) {
                ending.addAll(transactionForks);
                transactionForks = null;
            }
        }
        for (Fork fork : ending) {
            if (!fork.closed()) {
                fork.close();
            }
        }
    }
}
