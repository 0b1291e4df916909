package io.github.forkscope.cdi;

import io.github.forkscope.GlobalContextException;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * What a call outside any context reaches: by default nothing, and the call fails with
 * {@link GlobalContextException}; with {@code forkscope.allow-global-context} on, one global
 * frame whose forks the whole application shares until shutdown. Thread-safe.
 */
final class GlobalContext {

    private static final System.Logger LOG = System.getLogger(GlobalContext.class.getName());

    private final boolean allowed;
    private final Frame frame;
    private boolean warned;

    GlobalContext(boolean allowed, List<ManagedUnit> units) {
        this.allowed = allowed;
        this.frame = new Frame(units, null);
    }

    /** The global fork, or null when the escape hatch is off. */
    EntityManager forkOrNull(ManagedUnit unit) {
        return allowed ? fork(unit) : null;
    }

    /** The global fork, or the {@code FORKSCOPE-001} error naming the method that was called. */
    EntityManager forkFor(ManagedUnit unit, String method) {
        if (!allowed) {
            throw new GlobalContextException(Messages.globalContext(method, Thread.currentThread()));
        }
        return fork(unit);
    }

    private synchronized EntityManager fork(ManagedUnit unit) {
        if (!warned) {
            warned = true;
            LOG.log(System.Logger.Level.WARNING, Messages.globalContextInUse(unit.name()));
        }
        return frame.fork(unit);
    }

    synchronized void close() {
        frame.close();
    }
}
