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
 * the interceptor and the programmatic API alike. Where no CDI request context is active it
 * activates one for the call, so the frame lives and dies with it. Thread-safe: all state is in
 * the request context of the calling thread.
 */
@Singleton
class ContextRunner {

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
        try {
            return requestForks.current();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /**
     * @param openedBy what opens the context, for the messages of the guard rails: the intercepted
     *                 method, or a description
     */
    <T, X extends Exception> T call(RequestContextual.Mode mode, Object openedBy, Work<T, X> work) throws X {
        if (activeFrame() != null) {
            return mode == RequestContextual.Mode.ENSURE ? work.execute() : inNewFrame(openedBy, work);
        }
        RequestContextController controller = controllers.get();
        controller.activate();
        try {
            requestForks.begin(openedBy);
            return work.execute();
        } finally {
            try {
                controller.deactivate();
            } finally {
                controllers.destroy(controller);
            }
        }
    }

    /**
     * Runs work with an existing frame as the active one: the frame of an async request resumed
     * on the thread of a later dispatch. Where the server restored the request context, the frame
     * is already active; otherwise it is put in place for the call, and a CDI request context is
     * activated for it if none is active. The frame stays open either way.
     */
    <T, X extends Exception> T resume(Frame frame, Work<T, X> work) throws X {
        Frame active = activeFrame();
        if (active == frame) {
            return work.execute();
        }
        if (active != null) {
            return withFrame(frame, work);
        }
        RequestContextController controller = controllers.get();
        controller.activate();
        try {
            return withFrame(frame, work);
        } finally {
            try {
                controller.deactivate();
            } finally {
                controllers.destroy(controller);
            }
        }
    }

    private <T, X extends Exception> T withFrame(Frame frame, Work<T, X> work) throws X {
        Frame previous = requestForks.swap(frame);
        try {
            return work.execute();
        } finally {
            requestForks.swap(previous);
        }
    }

    private <T, X extends Exception> T inNewFrame(Object openedBy, Work<T, X> work) throws X {
        Frame frame = requestForks.push(openedBy);
        try {
            return work.execute();
        } finally {
            requestForks.pop(frame);
        }
    }
}
