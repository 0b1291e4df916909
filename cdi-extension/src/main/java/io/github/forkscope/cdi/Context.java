package io.github.forkscope.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Forkscope context: its transaction stack of {@link Section sections}, their forks, and
 * where it was opened, for the messages of the guard rails. A context is the base context of a
 * CDI request context, a CREATE context opened inside one that hides its {@link #outer()} context
 * until it ends, or the global context. Each unit has at most one fork per section, created on
 * first use; the section rules (see {@link Section}) decide which transaction commits a change.
 *
 * <p>Thread-safe: a context belongs to one unit of work, but tasks that Jakarta Concurrency runs in
 * it reach it from other threads, so forks are created under the context's lock and read without
 * it once published; the forks guard themselves against a second thread inside. Once the context
 * has ended it opens no fork again: a call fails with {@code FORKSCOPE-102}. Tasks running in it
 * are counted, so that the end of an async cycle can wait for the last of them.
 */
final class Context {

    private final List<ManagedUnit> units;
    private final Guards guards;
    private final Section base;
    /** Every fork the context has opened and not seen closed, of every section; guarded by {@code this}. */
    private final List<Fork> forks = new ArrayList<>(2);
    private final Context outer;
    /** The section of the outer context to return to when this one, a CREATE context, ends. */
    private Section resumed;
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
        this.outer = outer;
        this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
        this.thread = Thread.currentThread().getName();
        this.counted = counted;
        this.base = Section.base(this);
        if (counted) {
            guards.metrics.contextsOpened.increment();
        }
    }

    Context outer() {
        return outer;
    }

    /** Notes the outer context's section that this CREATE context hides until it ends. */
    void resumes(Section section) {
        this.resumed = section;
    }

    Section resumed() {
        return resumed;
    }

    /** The context's own section, the bottom of its transaction stack. */
    Section base() {
        return base;
    }

    int unitCount() {
        return units.size();
    }

    /** Where the context was opened, for messages: built only when one is needed. */
    String origin() {
        String by = openedBy instanceof java.lang.reflect.Method method
                ? "@RequestContextual on " + method.getDeclaringClass().getName() + "." + method.getName() + "()"
                : openedBy.toString();
        return by + " on thread \"" + thread + "\"";
    }

    /**
     * Creates the fork of a unit for a section that owns forks, unless another thread just did.
     *
     * @param method the call, named in the error when the context or the section has ended
     */
    synchronized Fork open(Section section, ManagedUnit unit, String method) {
        if (closed) {
            guards.metrics.useAfterCloseTrips.increment();
            throw Messages.useAfterClose(method, unit.name(), origin());
        }
        if (section.ended()) {
            guards.metrics.useAfterCloseTrips.increment();
            throw Messages.useAfterSectionEnd(method, unit.name(), section.description());
        }
        Fork fork = section.existingFork(unit);
        if (fork == null) {
            fork = new Fork(unit.createFork(), unit, section, guards);
            guards.metrics.forksCreated.increment();
            forks.removeIf(Fork::closed);
            forks.add(fork);
            section.add(fork);
        }
        return fork;
    }

    /** The context's own fork of a unit if it has created one, without creating it. */
    Fork existingFork(ManagedUnit unit) {
        return base.existingFork(unit);
    }

    boolean closed() {
        return closed;
    }

    /** The context's forks that are open now, of every section: a copy. */
    synchronized List<Fork> forks() {
        forks.removeIf(Fork::closed);
        return List.copyOf(forks);
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
        List<Fork> ending;
        synchronized (this) {
            if (counted && !closed) {
                guards.metrics.contextsClosed.increment();
            }
            closed = true;
            ending = List.copyOf(forks);
            forks.clear();
        }
        for (Fork fork : ending) {
            if (!fork.closed()) {
                fork.close(false);
            }
        }
    }
}
