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

import java.util.concurrent.ForkJoinWorkerThread;

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
 * contexts that the container activated without Forkscope. A task that Jakarta Concurrency runs
 * in a context captured on another thread is bound the same way, with the captured context at the
 * bottom of a stack of its own. A thread started while its parent was bound inherits only a
 * marker naming that context, so that a call there that finds no context can say why. Thread-safe:
 * all state is in the request context and the thread binding of the calling thread.
 */
@Singleton
class Contexts {

    /** Jakarta Concurrency's interface of the threads a server's executors run tasks on; null in Java SE. */
    private static final Class<?> MANAGEABLE_THREAD = OptionalTypes.find("jakarta.enterprise.concurrent.ManageableThread");

    /**
     * Holds a {@link ContextStack}, or, in a thread started by one that had a stack bound, the
     * origin of that context as a {@code String}: a JDK type, so that a long-lived thread the
     * application happened to start (a driver's timer) pins none of its classes.
     */
    private final ThreadLocal<Object> bound = new InheritableThreadLocal<>() {
        @Override
        protected Object childValue(Object parent) {
            if (parent instanceof ContextStack stack) {
                Context context = stack.peek();
                return context == null ? null : context.origin();
            }
            return parent;
        }
    };
    private RequestScopedContexts requestContexts;
    private Instance<RequestContextController> controllers;
    private BeanManager beanManager;
    private ForkscopeExtension extension;
    private RequestContextProbe probe;

    Contexts() {
    }

    @Inject
    Contexts(RequestScopedContexts requestContexts, Instance<RequestContextController> controllers,
             BeanManager beanManager, ForkscopeExtension extension) {
        this.requestContexts = requestContexts;
        this.controllers = controllers;
        this.beanManager = beanManager;
        this.extension = extension;
        this.probe = new RequestContextProbe(beanManager);
    }

    /**
     * The injected contexts of an interceptor, or, after the interceptor was passivated and its
     * transient field lost, the running application's.
     */
    static Contexts of(Contexts injected) {
        Contexts contexts = injected != null ? injected : running();
        if (contexts == null) {
            throw new IllegalStateException(Messages.noRuntime());
        }
        return contexts;
    }

    /** The running application's contexts, or null when its container is not running (being deployed or undeployed). */
    static Contexts running() {
        RuntimeBean runtime = RuntimeBean.running();
        return runtime == null ? null : runtime.contexts();
    }

    /** The active context, or null when no CDI request context is active on this thread. */
    Context activeContext() {
        ContextStack stack = activeStack();
        return stack == null ? null : stack.current();
    }

    /**
     * A transaction boundary on this thread ({@code @Transactional}, an enterprise bean's method,
     * {@code Forkscope.transactional}): the section the container began or suspended is pushed on
     * the active context's transaction stack, for the returned boundary to exit.
     */
    ContextStack.Boundary boundary() {
        Jta jta = extension.units().jta();
        ContextStack stack = jta == null ? null : activeStack();
        return stack == null ? ContextStack.Boundary.NONE : stack.enter(jta);
    }

    /** The live section of the active context, for a task to resume on another thread; null when none is active. */
    Section capture() {
        ContextStack stack = activeStack();
        return stack == null || stack.peek() == null ? null : stack.section();
    }

    /**
     * Why a call on this thread found no context, when the thread is one a context does not follow:
     * a worker of a {@code ForkJoinPool}, or a thread started by code that ran in a context; else null.
     */
    String unfollowedThread() {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
            return "a worker of a ForkJoinPool (a parallel stream, or CompletableFuture's default async executor)";
        }
        // a server's pool thread may have been started from a request too, but contexts do follow tasks there
        return bound.get() instanceof String origin && !isManagedThread(Thread.currentThread())
                ? "a thread started by code that ran in the context opened by " + origin : null;
    }

    private static boolean isManagedThread(Thread thread) {
        return MANAGEABLE_THREAD != null && MANAGEABLE_THREAD.isInstance(thread);
    }

    /**
     * The context stack bound to this thread, else that of the active request context, else null:
     * also where the container cannot be reached from this thread, after its shutdown or on a thread
     * without the application's context class loader (GlassFish finds the container by it), where
     * the client proxy throws an {@code IllegalStateException} of the container's own.
     */
    ContextStack activeStack() {
        if (bound.get() instanceof ContextStack stack) {
            return stack;
        }
        ContextStack ended = RequestScopedContexts.ended();
        if (ended != null) {
            return ended;
        }
        try {
            return requestContexts.stack();
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * @param openedBy what opens the context, for the messages of the guard rails: the intercepted
     *                 method, or a description
     */
    <T, X extends Exception> T call(RequestContextual.Mode mode, Object openedBy, Work<T, X> work) throws X {
        Object create = mode == RequestContextual.Mode.CREATE ? openedBy : null;
        if (bound.get() instanceof ContextStack stack) {
            return bound(stack, create, work);
        }
        if (probe.knownActive()) {
            return bound(requestContexts.stack(), create, work);
        }
        // activate() says whether a request context was active already: asking the bean manager would cost an exception
        RequestContextController controller = controllers.get();
        if (!activate(controller)) {
            probe.learn();
            return bound(requestContexts.stack(), create, work);
        }
        Binding binding = bind(null, openedBy, controller, true);
        try {
            return bound(binding.stack, null, work);
        } finally {
            binding.end();
        }
    }

    /**
     * Runs an HTTP request: joins the context bound to the thread, if any; else, where a CDI request
     * context is active, runs in its context stack, shared with whatever the request runs outside
     * the call (an authentication mechanism, another filter, an error page), bound to the thread for
     * the call; else in a context of its own. The context is left open afterwards, also past the
     * CDI request context's destruction, for the caller to close with the handle it captures inside
     * the work (at the request's end, or when an async cycle ends).
     */
    <T, X extends Exception> T request(Object openedBy, Work<T, X> work) throws X {
        if (bound.get() instanceof ContextStack) {
            return work.execute();
        }
        if (probe.knownActive() || requestContextActive()) {
            ContextStack shared = requestContexts.stack();
            shared.begin(openedBy);
            shared.handOver();
            return bound(shared, null, work);
        }
        return own(null, openedBy, work);
    }

    /**
     * Runs work with an existing context as the active one: the context of an async request resumed
     * on the thread of a later dispatch. The context stays open.
     */
    <T, X extends Exception> T resume(Context context, Work<T, X> work) throws X {
        return bound.get() instanceof ContextStack stack && stack.peek() == context ? work.execute()
                : own(context.base(), null, work);
    }

    /**
     * Binds a context captured on another thread to this one for a task, as {@link #resume} does
     * for a whole call, until {@link Binding#end()}; the task counts as running in the context.
     * With a null context, binds a new context that the end closes.
     */
    Binding task(Section captured, Object openedBy) {
        RequestContextController controller = controllers.get();
        Binding binding = bind(captured, openedBy, activate(controller) ? controller : null, captured == null);
        if (captured != null && captured.context.taskBegins()) {
            binding.task = captured.context;
        }
        return binding;
    }

    /** Opens a new context bound to this thread until the binding ends, which closes it. */
    Binding open(Object openedBy) {
        return task(null, openedBy);
    }

    /** Runs work in a context stack of its own, bound to the thread: a resumed context, or a new one left open. */
    private <T, X extends Exception> T own(Section resumed, Object openedBy, Work<T, X> work) throws X {
        RequestContextController controller = requestContextActive() ? null : controllers.get();
        if (controller != null) {
            controller.activate();
        }
        Binding binding = bind(resumed, openedBy, controller, false);
        try {
            return bound(binding.stack, null, work);
        } finally {
            binding.end();
        }
    }

    /**
     * A context stack of its own for the thread: with a resumed context, or a new base context.
     *
     * @param controller the controller that activated a CDI request context for the binding, which
     *                   its end deactivates; null when one was active already
     * @param close      whether the end closes the stack's contexts
     */
    private Binding bind(Section resumed, Object openedBy, RequestContextController controller, boolean close) {
        ContextStack stack = new ContextStack(extension.units().all(), extension.guards());
        if (resumed != null) {
            stack.swap(resumed);
        } else {
            stack.begin(openedBy);
        }
        return new Binding(stack, controller, close);
    }

    /** Activates a request context with a fresh controller, which is destroyed at once when one was active already. */
    private boolean activate(RequestContextController controller) {
        boolean activated;
        try {
            activated = controller.activate();
        } catch (RuntimeException | Error e) {
            controllers.destroy(controller);
            throw e;
        }
        if (!activated) {
            controllers.destroy(controller);
        }
        return activated;
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
        Object previous = bound.get();
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
                restore(previous, stack);
            }
        }
    }

    private void restore(Object previous, ContextStack stack) {
        if (previous == null) {
            bound.remove();
        } else if (previous != stack) {
            bound.set(previous);
        }
    }

    /**
     * A context stack bound to a thread by {@link #task} or for one call, with the CDI request
     * context activated for it; {@link #end()} undoes both. Used by the thread that made it.
     */
    final class Binding {

        private final ContextStack stack;
        private final RequestContextController controller;
        private final boolean close;
        private final Object previous;
        /** The captured context the binding counts as a task of, if it was still open. */
        private Context task;

        private Binding(ContextStack stack, RequestContextController controller, boolean close) {
            this.stack = stack;
            this.controller = controller;
            this.close = close;
            this.previous = bound.get();
            bound.set(stack);
        }

        /** The context at the bottom of the binding's stack: the captured one, or the one it opened. */
        Context context() {
            Context context = stack.peek();
            while (context.outer() != null) {
                context = context.outer();
            }
            return context;
        }

        /**
         * Deactivates the request context first, with the stack still bound and open, so that the
         * {@code @PreDestroy} methods of its beans reach the unit's forks; then closes the stack's
         * contexts and unbinds it, whatever a callback threw.
         */
        void end() {
            try {
                if (controller != null) {
                    try {
                        controller.deactivate();
                    } finally {
                        controllers.destroy(controller);
                    }
                }
            } finally {
                try {
                    if (close) {
                        stack.closeAll();
                    }
                } finally {
                    restore(previous, stack);
                    if (task != null) {
                        task.taskEnds();
                    }
                }
            }
        }
    }
}
