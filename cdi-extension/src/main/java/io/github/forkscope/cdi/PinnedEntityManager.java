package io.github.forkscope.cdi;

import java.util.Objects;

/**
 * One fork as application code may hold it ({@code Forkscope.currentEntityManager()},
 * {@code unwrap(EntityManager.class)}): while its context is the calling thread's current one, a
 * call reaches the fork of the section the thread is in, as the injected EntityManager does, so a
 * held EntityManager honours {@code REQUIRES_NEW} too; elsewhere it reaches the fork it was taken
 * from. Every call goes through the fork's guards, so a second thread is refused while another is
 * inside a call, and any use after the fork's context has ended fails with where that context was
 * opened. It cannot be closed by the application; it is open while its context is. Thread-safe,
 * as its fork is.
 */
final class PinnedEntityManager extends ForkEntityManager {

    private final Fork fork;
    private final Contexts contexts;

    PinnedEntityManager(Fork fork, Contexts contexts) {
        super(fork.unit());
        this.fork = Objects.requireNonNull(fork, "fork");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    Contexts contexts() {
        return contexts;
    }

    @Override
    Fork fork(String method) {
        ContextStack stack = contexts.activeStack();
        if (stack != null && stack.peek() == fork.context()) {
            return stack.fork(unit, method);
        }
        Object key = unit.transactionKey();
        return fork.enter(method, key != null && key.equals(fork.section().transaction) ? key : null);
    }

    @Override
    Fork queryFork(String method) {
        return fork(method);
    }

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
        return !fork.closed();
    }

    @Override
    public String toString() {
        return "Forkscope fork of unit '" + unit.name() + "' in the context opened by " + fork.context().origin();
    }
}
