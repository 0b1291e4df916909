package io.github.forkscope.cdi;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * The {@code EntityManager} that applications inject: one per persistence unit, stateless, and
 * reaching on every call the fork of the context active on the calling thread. Outside any
 * context, context-specific calls go to {@link GlobalContext}, which fails them or, with the
 * escape hatch on, serves them from the global fork; queries created there run
 * {@code executeUpdate()} in a transaction of their own either way. It cannot be closed. A bean of
 * a passivating scope may hold it: it is serialized as its unit's name and read back as the running
 * application's contextual EntityManager of that unit. Thread-safe.
 */
final class ContextualEntityManager extends ForkEntityManager implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Contexts contexts;
    private final GlobalContext global;

    ContextualEntityManager(ManagedUnit unit, Contexts contexts, GlobalContext global) {
        super(unit);
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.global = Objects.requireNonNull(global, "global");
    }

    @Override
    Contexts contexts() {
        return contexts;
    }

    @Override
    Fork fork(String method) {
        ContextStack stack = contexts.activeStack();
        if (stack != null) {
            return stack.fork(unit, method);
        }
        Object key = unit.transactionKey();
        return global.forkFor(unit, method, contexts).enter(method, key);
    }

    /** Outside any context, none: the query records its calls, and writes with an EntityManager of its own. */
    @Override
    Fork queryFork(String method) {
        ContextStack stack = contexts.activeStack();
        return stack == null ? null : stack.fork(unit, method);
    }

    /** A query created outside any context reads in the context active when it runs, if there is one. */
    @Override
    Fork readOutsideContext(String call) {
        return fork(call);
    }

    @Override
    public void close() {
        throw Messages.closeNotAllowed();
    }

    @Override
    public boolean isOpen() {
        return unit.factory().isOpen();
    }

    /** What passivation writes: the unit's name, never a fork. */
    private Object writeReplace() {
        return new Passivated(unit.name());
    }

    /**
     * Never called, as {@link #writeReplace()} writes another object; declared here so that
     * serialization finds it without reflecting on the superclass, whose Persistence 3.2
     * signatures do not load on Persistence 3.1.
     */
    private Object readResolve() {
        return this;
    }

    @Override
    public String toString() {
        return "Forkscope contextual EntityManager of unit '" + unit.name() + "'";
    }

    /** A contextual EntityManager as passivation wrote it; reading it back finds the running application's. */
    private record Passivated(String unit) implements Serializable {

        private Object readResolve() throws ObjectStreamException {
            RuntimeBean runtime = RuntimeBean.running();
            if (runtime == null) {
                throw new InvalidObjectException(Messages.noRuntime());
            }
            return runtime.entityManager(unit);
        }
    }
}
