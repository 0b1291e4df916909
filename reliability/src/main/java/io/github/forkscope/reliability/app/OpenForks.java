package io.github.forkscope.reliability.app;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every fork the application's entry points used, held until the provider reports it closed: the
 * check "no open fork" counts those still open, on the provider's own session
 * ({@code getDelegate()}), which Forkscope's guards do not wrap. Closed ones are dropped every
 * {@value #SWEEP_EVERY} forks, so the watch holds only what is recent or still open. Thread-safe.
 */
@ApplicationScoped
public class OpenForks {

    private static final int SWEEP_EVERY = 1_000;

    private final Queue<EntityManager> watched = new ConcurrentLinkedQueue<>();
    private final AtomicLong added = new AtomicLong();

    /** Watches the current context's fork of the default unit. */
    public void watchCurrent() {
        EntityManager fork = Forkscope.currentEntityManager().orElseThrow();
        watched.add((EntityManager) fork.getDelegate());
        if (added.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
    }

    /** The forks watched that are still open. */
    public long open() {
        sweep();
        return watched.size();
    }

    private void sweep() {
        for (Iterator<EntityManager> forks = watched.iterator(); forks.hasNext(); ) {
            if (!forks.next().isOpen()) {
                forks.remove();
            }
        }
    }
}
