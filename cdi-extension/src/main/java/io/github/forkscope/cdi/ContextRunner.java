package io.github.forkscope.cdi;

import io.github.forkscope.RequestContextual;
import io.github.forkscope.Work;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Opens, joins and ends Forkscope contexts, the one place where CREATE and ENSURE are decided for
 * the interceptor, the servlet filter and the programmatic API alike. Where no CDI request
 * context is active it activates one for the call, so the frame lives and dies with it.
 *
 * <p>While a call it runs is in progress, the request context's frames are also bound to the
 * thread, so that every EntityManager call inside finds its fork with a thread-local read instead
 * of a trip through the CDI client proxy. The binding is exactly as long as the call, on the
 * thread that runs it, and restored in {@code finally}. Thread-safe: all state is in the request
 * context and the thread binding of the calling thread.
 */
@Singleton
class ContextRunner {

    private final ThreadLocal<Frames> bound = new ThreadLocal<>();
    private RequestForks requestForks;
    private Instance<RequestContextController> controllers;

    ContextRunner() {
    }

    @Inject
    ContextRunner(RequestForks requestForks, Instance<RequestContextController> controllers) {
        this.requestForks = requestForks;
        this.controllers = controllers;
    }

    /** The active context's frame, or null when no CDI request context is active on this thread. */
    Frame activeFrame() {
        Frames frames = activeFrames();
        return frames == null ? null : frames.current();
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
        return inNewRequestContext(fresh -> {
            fresh.begin(openedBy);
            return bound(fresh, null, work);
        });
    }

    /**
     * Runs work with an existing frame as the active one: the frame of an async request resumed
     * on the thread of a later dispatch. Where the server restored the request context, the frame
     * is already active; otherwise it is put in place for the call, and a CDI request context is
     * activated for it if none is active. The frame stays open either way.
     */
    <T, X extends Exception> T resume(Frame frame, Work<T, X> work) throws X {
        Frames frames = activeFrames();
        if (frames != null) {
            return withFrame(frames, frame, work);
        }
        return inNewRequestContext(fresh -> withFrame(fresh, frame, work));
    }

    private <T, X extends Exception> T withFrame(Frames frames, Frame frame, Work<T, X> work) throws X {
        Frame previous = frames.swap(frame);
        try {
            return bound(frames, null, work);
        } finally {
            frames.swap(previous);
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

    private <T, X extends Exception> T inNewRequestContext(WorkOnFrames<T, X> work) throws X {
        RequestContextController controller = controllers.get();
        controller.activate();
        try {
            return work.run(requestForks.frames());
        } finally {
            try {
                controller.deactivate();
            } finally {
                controllers.destroy(controller);
            }
        }
    }

    /** Work that needs the frames of the request context just activated. */
    @FunctionalInterface
    private interface WorkOnFrames<T, X extends Exception> {
        T run(Frames frames) throws X;
    }
}
