package io.github.forkscope.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The Forkscope contexts of one CDI request context, held in a {@link ContextStack} that callers
 * get with one call through the client proxy and then use directly. When the request context is
 * destroyed, every context still open is closed. The request context confines it to one thread
 * at a time.
 */
@RequestScoped
class RequestScopedContexts {

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
        stack.closeAll();
    }
}
