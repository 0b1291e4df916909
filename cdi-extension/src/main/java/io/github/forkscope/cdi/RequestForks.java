package io.github.forkscope.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The Forkscope contexts of one CDI request context: its base frame, created on first use, and
 * the CREATE frames stacked on it. When the request context is destroyed, every frame still
 * open is closed. The request context confines it to one thread at a time.
 */
@RequestScoped
class RequestForks {

    private static final String REQUEST_CONTEXT = "the CDI request context";

    private ForkscopeExtension extension;
    private Frame current;

    RequestForks() {
    }

    @Inject
    RequestForks(ForkscopeExtension extension) {
        this.extension = extension;
    }

    Frame current() {
        Frame frame = current;
        if (frame == null) {
            frame = newFrame(null, REQUEST_CONTEXT);
            current = frame;
        }
        return frame;
    }

    /** Starts the base frame of a request context that Forkscope itself activated. */
    void begin(Object openedBy) {
        if (current == null) {
            current = newFrame(null, openedBy);
        }
    }

    Frame push(Object openedBy) {
        Frame frame = newFrame(current, openedBy);
        current = frame;
        return frame;
    }

    /** Puts another frame in place, one this request context does not own, and returns the one it replaces. */
    Frame swap(Frame frame) {
        Frame previous = current;
        current = frame;
        return previous;
    }

    void pop(Frame frame) {
        current = frame.outer();
        frame.close();
    }

    @PreDestroy
    void end() {
        for (Frame frame = current; frame != null; frame = frame.outer()) {
            frame.close();
        }
        current = null;
    }

    private Frame newFrame(Frame outer, Object openedBy) {
        return new Frame(extension.units().all(), extension.guards(), outer, openedBy, true);
    }
}
