package io.github.forkscope.cdi;

import io.github.forkscope.RequestContextual;
import io.github.forkscope.Work;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Opens, joins and ends Forkscope contexts, the one place where CREATE and ENSURE are decided for
 * the interceptor, the servlet filter and the programmatic API alike. Where no CDI request
 * context is active it activates one for the call, so the context lives and dies with it.
 *
 * <p>While a call it runs is in progress, its context stack is bound to the thread, so that every
 * EntityManager call inside finds its fork with a thread-local read instead of a trip through the
 * CDI client proxy. The binding is exactly as long as the call, on the thread that runs it, and
 * restored in {@code finally}. Contexts that Forkscope opens without an outer one (an HTTP
 * request, a thread with no request context, an async dispatch) keep their context stack in that
 * binding alone; the {@link RequestScopedContexts} bean holds the context stack of request
 * contexts that the container activated without Forkscope. Thread-safe: all state is in the
 * request context and the thread binding of the calling thread.
 */
@Singleton
class Contexts {

    private final ThreadLocal<ContextStack> bound = new ThreadLocal<>();
    private RequestScopedContexts requestContexts;
    private Instance<RequestContextController> controllers;
    private BeanManager beanManager;
    private ForkscopeExtension extension;

    Contexts() {
    }

    @Inject
    Contexts(RequestScopedContexts requestContexts, Instance<RequestContextController> controllers,
             BeanManager beanManager, ForkscopeExtension extension) {
        this.requestContexts = requestContexts;
        this.controllers = controllers;
        this.beanManager = beanManager;
        this.extension = extension;
    }

    /** The active context, or null when no CDI request context is active on this thread. */
    Context activeContext() {
        ContextStack stack = activeStack();
        return stack == null ? null : stack.current();
    }

    /** Joins the thread's JTA transaction with every live fork of the active context, if there is one. */
    void joinTransaction() {
        ContextStack stack = activeStack();
        Context context = stack == null ? null : stack.peek();
        if (context != null) {
            context.joinTransaction();
        }
    }

    /** The context stack bound to this thread, else that of the active request context, else null. */
    private ContextStack activeStack() {
        ContextStack stack = bound.get();
        if (stack != null) {
            return stack;
        }
        try {
            return requestContexts.stack();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /**
     * @param openedBy what opens the context, for the messages of the guard rails: the intercepted
     *                 method, or a description
     */
    <T, X extends Exception> T call(RequestContextual.Mode mode, Object openedBy, Work<T, X> work) throws X {
        ContextStack stack = activeStack();
        if (stack != null) {
            return bound(stack, mode == RequestContextual.Mode.CREATE ? openedBy : null, work);
        }
        return own(null, openedBy, false, true, work);
    }

    /**
     * Runs an HTTP request: joins the context bound to the thread, if any, else runs in a context of
     * its own, bound to the thread for the call and left open afterwards, for the caller to close
     * with the handle it captures inside the work (at once, or when an async cycle ends).
     */
    <T, X extends Exception> T request(Object openedBy, Work<T, X> work) throws X {
        return bound.get() != null ? work.execute() : own(null, openedBy, requestContextActive(), false, work);
    }

    /**
     * Runs work with an existing context as the active one: the context of an async request resumed
     * on the thread of a later dispatch. The context stays open.
     */
    <T, X extends Exception> T resume(Context context, Work<T, X> work) throws X {
        ContextStack stack = bound.get();
        return stack != null && stack.current() == context ? work.execute()
                : own(context, null, requestContextActive(), false, work);
    }

    /**
     * Runs work in a context stack of its own, bound to the thread: a resumed context, or a new base context. A
     * CDI request context is activated for the call if none is active, so that request-scoped beans
     * work inside.
     *
     * @param requestContextActive whether a CDI request context is active on the thread, as the
     *                             caller found out already
     * @param close                whether the stack's contexts are closed when the work returns
     */
    private <T, X extends Exception> T own(Context resumed, Object openedBy, boolean requestContextActive,
                                           boolean close, Work<T, X> work) throws X {
        RequestContextController controller = requestContextActive ? null : controllers.get();
        if (controller != null) {
            controller.activate();
        }
        ContextStack stack = new ContextStack(extension.units().all(), extension.guards());
        if (resumed != null) {
            stack.swap(resumed);
        } else {
            stack.begin(openedBy);
        }
        try {
            return bound(stack, null, work);
        } finally {
            try {
                if (close) {
                    stack.closeAll();
                }
            } finally {
                if (controller != null) {
                    try {
                        controller.deactivate();
                    } finally {
                        controllers.destroy(controller);
                    }
                }
            }
        }
    }

    /** Asked only where the answer is usually yes: a no costs Weld an exception. */
    private boolean requestContextActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    /** Runs work with the context stack bound to this thread, in a new CREATE context when {@code openedBy} is given. */
    private <T, X extends Exception> T bound(ContextStack stack, Object openedBy, Work<T, X> work) throws X {
        ContextStack previous = bound.get();
        if (previous != stack) {
            bound.set(stack);
        }
        Context context = openedBy == null ? null : stack.push(openedBy);
        try {
            return work.execute();
        } finally {
            try {
                if (context != null) {
                    stack.pop(context);
                }
            } finally {
                if (previous == null) {
                    bound.remove();
                } else if (previous != stack) {
                    bound.set(previous);
                }
            }
        }
    }
}
