package io.github.forkscope.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The Forkscope contexts of one CDI request context, held in a {@link ContextStack} that callers
 * get with one call through the client proxy and then use directly. When the request context is
 * destroyed, every context still open is closed, and until the container has finished destroying
 * it the closed stack stays the thread's, so that a {@code @PreDestroy} method of another
 * request-scoped bean that runs after this one gets {@code FORKSCOPE-110} instead of making the
 * container create this bean again in the middle of its destruction. The request context confines
 * it to one thread at a time.
 */
@RequestScoped
class RequestScopedContexts {

    /** The stack of the request context being destroyed on this thread, until its destruction ends. */
    private static final ThreadLocal<ContextStack> ENDED = new ThreadLocal<>();

    private ContextStack stack;

    RequestScopedContexts() {
    }

    @Inject
    RequestScopedContexts(ForkscopeExtension extension) {
        this.stack = new ContextStack(extension.units().all(), extension.guards());
    }

    /** Public so that Weld's client proxy calls it directly rather than by reflection. */
    public ContextStack stack() {
        return stack;
    }

    @PreDestroy
    void end() {
        ENDED.set(stack);
        stack.closeAll();
    }

    /** The closed stack of the request context whose destruction is running on this thread, or null. */
    static ContextStack ended() {
        return ENDED.get();
    }

    static void destroyed(@Observes @Destroyed(RequestScoped.class) Object event) {
        ENDED.remove();
    }
}
