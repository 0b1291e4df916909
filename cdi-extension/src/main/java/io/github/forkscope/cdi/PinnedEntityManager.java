package io.github.forkscope.cdi;

import java.util.Objects;

/**
 * One fork as application code may hold it ({@code Forkscope.currentEntityManager()},
 * {@code unwrap(EntityManager.class)}): every call goes through the fork's guards, so a second
 * thread is refused while another is inside a call, and any use after the fork's context has
 * ended fails with where that context was opened. It cannot be closed by the application; it is
 * open while its context is. Thread-safe, as its fork is.
 */
final class PinnedEntityManager extends ForkEntityManager {

    private final Fork fork;

    PinnedEntityManager(Fork fork) {
        super(fork.unit());
        this.fork = Objects.requireNonNull(fork, "fork");
    }

    @Override
    Fork fork(String method) {
        return fork.enter(method, unit.transactionKey());
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
