package io.github.forkscope.cdi;

import io.github.forkscope.GlobalContextException;

import java.util.List;

/**
 * What a call outside any context reaches: by default nothing, and the call fails with
 * {@link GlobalContextException}; with {@code forkscope.allow-global-context} on, one global
 * context whose forks the whole application shares until shutdown, each guarded against two
 * threads at once like any fork. Thread-safe.
 */
final class GlobalContext {

    private static final System.Logger LOG = System.getLogger(GlobalContext.class.getName());

    private final boolean allowed;
    private final Context context;
    private final Metrics metrics;
    private boolean warned;

    GlobalContext(boolean allowed, List<ManagedUnit> units, Guards guards) {
        this.allowed = allowed;
        this.context = new Context(units, guards, null, "the global context (forkscope.allow-global-context)", false);
        this.metrics = guards.metrics;
    }

    /**
     * The global fork, or the {@code FORKSCOPE-001} error naming the method that was called and,
     * when the calling thread is one that contexts do not follow, why.
     */
    Fork forkFor(ManagedUnit unit, String method, Contexts contexts) {
        if (!allowed) {
            metrics.globalContextViolations.increment();
            throw Messages.globalContext(method, Thread.currentThread(), contexts.unfollowedThread());
        }
        return fork(unit, method);
    }

    /** The global fork of a unit if one was created, for the fork-mixing checks of other contexts. */
    Fork existingFork(ManagedUnit unit) {
        if (!allowed) {
            return null; // the common case takes no lock: this is asked on every flush and new-entity persist
        }
        synchronized (this) {
            return context.existingFork(unit);
        }
    }

    private synchronized Fork fork(ManagedUnit unit, String method) {
        if (!warned) {
            warned = true;
            LOG.log(System.Logger.Level.WARNING, Messages.globalContextInUse(unit.name()));
        }
        return context.base().fork(unit, method);
    }

    synchronized void close() {
        context.close();
    }
}
