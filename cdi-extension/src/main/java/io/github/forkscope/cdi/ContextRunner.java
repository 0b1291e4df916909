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
 * context is active it activates one for the call, so the frame lives and dies with it.
 *
 * <p>While a call it runs is in progress, its frames are bound to the thread, so that every
 * EntityManager call inside finds its fork with a thread-local read instead of a trip through the
 * CDI client proxy. The binding is exactly as long as the call, on the thread that runs it, and
 * restored in {@code finally}. Contexts that Forkscope opens without an outer one (an HTTP request,
 * a thread with no request context, an async dispatch) keep their frames in that binding alone;
 * the {@link RequestForks} bean holds the frames of request contexts that the container activated
 * without Forkscope. Thread-safe: all state is in the request context and the thread binding of the
 * calling thread.
 */
@Singleton
class ContextRunner {

    private final ThreadLocal<Frames> bound = new ThreadLocal<>();
    private RequestForks requestForks;
    private Instance<RequestContextController> controllers;
    private BeanManager beanManager;
    private ForkscopeExtension extension;

    ContextRunner() {
    }

    @Inject
    ContextRunner(RequestForks requestForks, Instance<RequestContextController> controllers, BeanManager beanManager,
                  ForkscopeExtension extension) {
        this.requestForks = requestForks;
        this.controllers = controllers;
        this.beanManager = beanManager;
        this.extension = extension;
    }

    /** The active context's frame, or null when no CDI request context is active on this thread. */
    Frame activeFrame() {
        Frames frames = activeFrames();
        return frames == null ? null : frames.current();
    }

    /** Joins the thread's JTA transaction with every live fork of the active context, if there is one. */
    void joinTransaction() {
        Frames frames = activeFrames();
        Frame frame = frames == null ? null : frames.peek();
        if (frame != null) {
            frame.joinTransaction();
        }
    }

    /** The frames bound to this thread, else those of the active request context, else null. */
    private Frames activeFrames() {
        Frames frames = bound.get();
        if (frames != null) {
            return frames;
        }
        try {
            return requestForks.frames();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /**
     * @param openedBy what opens the context, for the messages of the guard rails: the intercepted
     *                 method, or a description
     */
    <T, X extends Exception> T call(RequestContextual.Mode mode, Object openedBy, Work<T, X> work) throws X {
        Frames frames = activeFrames();
        if (frames != null) {
            return bound(frames, mode == RequestContextual.Mode.CREATE ? openedBy : null, work);
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
     * Runs work with an existing frame as the active one: the frame of an async request resumed
     * on the thread of a later dispatch. The frame stays open.
     */
    <T, X extends Exception> T resume(Frame frame, Work<T, X> work) throws X {
        Frames frames = bound.get();
        return frames != null && frames.current() == frame ? work.execute()
                : own(frame, null, requestContextActive(), false, work);
    }

    /**
     * Runs work in frames of its own, bound to the thread: a resumed frame, or a new base frame. A
     * CDI request context is activated for the call if none is active, so that request-scoped beans
     * work inside.
     *
     * @param requestContextActive whether a CDI request context is active on the thread, as the
     *                             caller found out already
     * @param close                whether the frames are closed when the work returns
     */
    private <T, X extends Exception> T own(Frame resumed, Object openedBy, boolean requestContextActive,
                                           boolean close, Work<T, X> work) throws X {
        RequestContextController controller = requestContextActive ? null : controllers.get();
        if (controller != null) {
            controller.activate();
        }
        Frames frames = new Frames(extension.units().all(), extension.guards());
        if (resumed != null) {
            frames.swap(resumed);
        } else {
            frames.begin(openedBy);
        }
        try {
            return bound(frames, null, work);
        } finally {
            try {
                if (close) {
                    frames.closeAll();
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

    /** Runs work with the frames bound to this thread, in a new CREATE frame when {@code openedBy} is given. */
    private <T, X extends Exception> T bound(Frames frames, Object openedBy, Work<T, X> work) throws X {
        Frames previous = bound.get();
        if (previous != frames) {
            bound.set(frames);
        }
        Frame frame = openedBy == null ? null : frames.push(openedBy);
        try {
            return work.execute();
        } finally {
            try {
                if (frame != null) {
                    frames.pop(frame);
                }
            } finally {
                if (previous == null) {
                    bound.remove();
                } else if (previous != frames) {
                    bound.set(previous);
                }
            }
        }
    }
}
