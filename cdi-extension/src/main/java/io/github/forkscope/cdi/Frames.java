package io.github.forkscope.cdi;

import java.util.List;
import java.util.Objects;

/**
 * The stack of frames of one CDI request context: its base frame, created on first use, and the
 * CREATE frames stacked on it. Confined, like its request context, to one thread at a time.
 */
final class Frames {

    private static final String REQUEST_CONTEXT = "the CDI request context";

    private final List<ManagedUnit> units;
    private final Guards guards;
    private Frame current;

    Frames(List<ManagedUnit> units, Guards guards) {
        this.units = Objects.requireNonNull(units, "units");
        this.guards = Objects.requireNonNull(guards, "guards");
    }

    Frame current() {
        Frame frame = current;
        if (frame == null) {
            frame = new Frame(units, guards, null, REQUEST_CONTEXT, true);
            current = frame;
        }
        return frame;
    }

    /** The current frame, or null when the request context has not used Forkscope yet. */
    Frame peek() {
        return current;
    }

    /** Starts the base frame of a request context that Forkscope itself activated. */
    void begin(Object openedBy) {
        if (current == null) {
            current = new Frame(units, guards, null, openedBy, true);
        }
    }

    Frame push(Object openedBy) {
        Frame frame = new Frame(units, guards, current, openedBy, true);
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

    void closeAll() {
        for (Frame frame = current; frame != null; frame = frame.outer()) {
            frame.close();
        }
        current = null;
    }
}
