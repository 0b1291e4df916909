package io.github.forkscope.cdi;

import java.util.List;
import java.util.Objects;

/**
 * One Forkscope context: its forks, one slot per persistence unit, filled on first use, and where
 * it was opened, for the messages of the guard rails. A frame is the base context of a CDI request
 * context, a CREATE frame opened inside one that hides its {@link #outer()} frame until it ends,
 * or the global context. Not thread-safe: a context belongs to one unit of work, which runs on one
 * thread at a time; its forks guard themselves against a second thread.
 */
final class Frame {

    private final List<ManagedUnit> units;
    private final Guards guards;
    private final Fork[] forks;
    private final Frame outer;
    private final Object openedBy;
    private final String thread;
    private final boolean counted;
    private boolean closed;

    /**
     * @param openedBy what opened the context: a method, or a short description
     * @param counted  whether the context counts in the metrics (the global context does not)
     */
    Frame(List<ManagedUnit> units, Guards guards, Frame outer, Object openedBy, boolean counted) {
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

    Frame outer() {
        return outer;
    }

    /** Where the context was opened, for messages: built only when one is needed. */
    String origin() {
        String by = openedBy instanceof java.lang.reflect.Method method
                ? "@RequestContextual on " + method.getDeclaringClass().getName() + "." + method.getName() + "()"
                : openedBy.toString();
        return by + " on thread \"" + thread + "\"";
    }

    Fork fork(ManagedUnit unit) {
        Fork fork = forks[unit.index()];
        if (fork == null) {
            fork = new Fork(unit.createFork(), unit, this, guards);
            guards.metrics.forksCreated.increment();
            forks[unit.index()] = fork;
        }
        return fork;
    }

    /** The fork of a unit if this context has created one, without creating it. */
    Fork existingFork(ManagedUnit unit) {
        return forks[unit.index()];
    }

    /** Closes every fork; a later use of the frame gets new forks. */
    void close() {
        if (counted && !closed) {
            guards.metrics.contextsClosed.increment();
        }
        closed = true;
        for (int i = 0; i < forks.length; i++) {
            Fork fork = forks[i];
            if (fork != null) {
                forks[i] = null;
                fork.close();
            }
        }
    }
}
