package io.github.forkscope.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whether a CDI request context is active on the calling thread without asking the bean
 * manager, which answers a no with an exception, and without creating a
 * {@code RequestContextController}, which costs more than the context Forkscope opens. It remembers
 * the request context objects the container has shown active (a server has a few: for HTTP
 * requests, EJB calls, activations by a controller) and asks each whether it is active; CDI
 * defines a context object's activity with respect to the current thread. A request context of a
 * kind not yet seen reads as inactive until {@link #learn()} has seen it. Thread-safe.
 */
final class RequestContextProbe {

    private final BeanManager beanManager;
    private final List<Context> seen = new CopyOnWriteArrayList<>();

    RequestContextProbe(BeanManager beanManager) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
    }

    /** Whether a request context object seen before is active on this thread. */
    boolean knownActive() {
        for (Context context : seen) {
            if (context.isActive()) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the request context active on this thread, if there is one. */
    void learn() {
        try {
            Context active = beanManager.getContext(RequestScoped.class);
            if (!seen.contains(active)) {
                seen.add(active);
            }
        } catch (ContextNotActiveException e) {
            // nothing active to learn from
        }
    }
}
